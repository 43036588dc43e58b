#pragma once
// Server-side HTML: mustache templates (web/templates/*.mustache, embedded)
// rendered with mstch. Page models are built as JSON and converted here, so
// a page model can also be inspected in tests. Every list `x` in a model
// also appears as a boolean `has_x`.
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace spiraal {

// `value` as JSON for a <script type="application/json"> element: every "<"
// is escaped, so no text typed by a user can close the element.
std::string script_json(const nlohmann::json& value);

class Views {
 public:
  // The process-wide templates; loaded on first use.
  static const Views& get();

  // Renders template `name` (without extension) with `model`, then wraps it
  // in the layout. Every template can be used as a partial ({{> name}}).
  // The messages (`{{t.key}}`) come in the model's "lang" unless the model
  // brings its own "t". A model's "layout" names another layout than
  // "layout" (the jobseeker's pages use "portal_layout").
  std::string page(const std::string& name, const nlohmann::json& model) const;
  // Renders one template without the layout (htmx fragments, tests).
  std::string fragment(const std::string& name, const nlohmann::json& model) const;

  // A template with what rendering it needs (view.cc).
  struct Template;

 private:
  Views();
  ~Views();
  const Template& find(const std::string& name) const;
  std::map<std::string, std::unique_ptr<Template>> templates_;
};

}  // namespace spiraal
