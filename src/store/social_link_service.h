#pragma once
// The individuele sociale kaart of one jobseeker: for each welfare domain,
// the organisations and contact persons of the social map to turn to, with
// the kind of question (advice, referral, coordination) and a SMART wording.
// Access checked and audited like every dossier operation.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/dossier_service.h"

namespace spiraal {

struct SocialLink {
  int64_t id = 0;
  std::string domain;  // a welfare_domain code
  int64_t organisation_id = 0;
  std::string organisation_name;
  std::optional<int64_t> contact_id;
  std::string contact_name;
  std::string question_kind;  // advice | referral | coordination
  std::string smart;
};

nlohmann::json to_json(const SocialLink& l);

class SocialLinkService {
 public:
  SocialLinkService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}

  Result<std::vector<SocialLink>> list(const Principal& p, int64_t jobseeker_id);
  // body {domain, organisation_id, contact_id?, question_kind, smart}; the
  // organisation must be on the social map and the contact one of its people.
  Result<SocialLink> add(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  Status remove(const Principal& p, int64_t jobseeker_id, int64_t link_id);
  // The contact persons of the social map for a form: [{id, label}] with
  // the organisation in the label.
  std::vector<nlohmann::json> contact_choices();

 private:
  Store& store_;
  DossierService& dossiers_;
};

}  // namespace spiraal
