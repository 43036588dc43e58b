#include "core/spiral.h"

#include <algorithm>

#include "core/clock.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace spiraal {
namespace {

constexpr int kPhases[] = {0, 7, 5, 5, 0, 0};  // phases per stage, by Stage value

int phases_of(Stage s) { return kPhases[int(s)]; }

}  // namespace

std::string SpiralState::code() const {
  switch (stage) {
    case Stage::kSelection: return "selection";
    case Stage::kCycle1: return "c1." + std::to_string(phase);
    case Stage::kCycle2: return "c2." + std::to_string(phase);
    case Stage::kCycle3: return "c3." + std::to_string(phase);
    case Stage::kAftercare: return "aftercare";
    case Stage::kClosed: return "closed";
  }
  return "selection";
}

int SpiralState::rank() const {
  int r = 0;
  for (int s = 0; s < int(stage); ++s) r += std::max(1, kPhases[s]);
  return r + std::max(0, phase - 1);
}

const std::vector<SpiralState>& all_spiral_states() {
  static const std::vector<SpiralState> states = [] {
    std::vector<SpiralState> out;
    for (Stage s : {Stage::kSelection, Stage::kCycle1, Stage::kCycle2, Stage::kCycle3, Stage::kAftercare,
                    Stage::kClosed}) {
      if (phases_of(s) == 0)
        out.push_back({s, 0});
      else
        for (int p = 1; p <= phases_of(s); ++p) out.push_back({s, p});
    }
    return out;
  }();
  return states;
}

std::optional<SpiralState> parse_spiral_state(const std::string& code) {
  for (const auto& s : all_spiral_states())
    if (s.code() == code) return s;
  return std::nullopt;
}

std::string to_string(MoveKind k) {
  switch (k) {
    case MoveKind::kForward: return "forward";
    case MoveKind::kSkip: return "skip";
    case MoveKind::kCycle1To3: return "cycle1_to_cycle3";
    case MoveKind::kSlideBack: return "slide_back";
    case MoveKind::kClose: return "close";
    case MoveKind::kReopen: return "reopen";
  }
  return "forward";
}

const std::vector<std::string>& outcome_classes() { return Vocabulary::get().codes("outcome_class"); }

Result<MoveKind> classify_move(const SpiralState& from, const SpiralState& to) {
  auto refuse = [](const char* rule) { return Status::invalid_field("to_state", rule); };
  if (from == to) return refuse("same_state");
  if (from.stage == Stage::kClosed) {
    if (to.stage == Stage::kSelection) return refuse("move_not_allowed");
    return MoveKind::kReopen;
  }
  if (to.stage == Stage::kClosed) return MoveKind::kClose;
  if (to.rank() < from.rank()) {
    // Sliding back is always allowed, but never out of the trajectory into selection.
    if (to.stage == Stage::kSelection) return refuse("move_not_allowed");
    return MoveKind::kSlideBack;
  }
  if (to.rank() == from.rank() + 1) return MoveKind::kForward;
  // Further ahead: within a cycle any phase may be skipped; into a new cycle
  // only at its first phase. Selection leads into cycle 1 only; aftercare
  // follows cycle 3 only.
  if (to.stage == from.stage) return MoveKind::kSkip;
  switch (from.stage) {
    case Stage::kSelection:
      if (to.stage == Stage::kCycle1) return MoveKind::kSkip;
      break;
    case Stage::kCycle1:
      if (to.stage == Stage::kCycle2 && to.phase == 1) return MoveKind::kSkip;
      if (to.stage == Stage::kCycle3 && to.phase == 1) return MoveKind::kCycle1To3;
      break;
    case Stage::kCycle2:
      if (to.stage == Stage::kCycle3 && to.phase == 1) return MoveKind::kSkip;
      break;
    case Stage::kCycle3:
      // Cycle 3's phases are not strictly ordered: aftercare starts with the job.
      if (to.stage == Stage::kAftercare) return MoveKind::kSkip;
      break;
    default:
      break;
  }
  return refuse("move_not_allowed");
}

Result<MoveKind> check_move(const SpiralState& from, const std::string& last_moved_on, const MoveRequest& m,
                            const std::string& today) {
  FieldErrors errors;
  auto to = parse_spiral_state(m.to_state);
  std::optional<MoveKind> kind;
  if (!to) {
    errors.push_back({"to_state", m.to_state.empty() ? "required" : "choice"});
  } else {
    auto k = classify_move(from, *to);
    if (k.is_ok())
      kind = k.value();
    else
      errors = k.status().fields();
  }
  if (m.moved_on.empty()) errors.push_back({"moved_on", "required"});
  else if (!is_iso_date(m.moved_on)) errors.push_back({"moved_on", "date"});
  else if (m.moved_on > today) errors.push_back({"moved_on", "date_in_future"});
  else if (!last_moved_on.empty() && m.moved_on < last_moved_on)
    errors.push_back({"moved_on", "before_last_move", last_moved_on});
  std::string reason = trim(m.reason);
  if (reason.empty()) errors.push_back({"reason", "required"});
  else if (!is_clean_text(reason)) errors.push_back({"reason", "text_invalid"});
  else if (utf8_length(reason) > kMaxReasonLength)
    errors.push_back({"reason", "too_long", std::to_string(kMaxReasonLength)});
  bool closing = kind == MoveKind::kClose;
  const auto& classes = outcome_classes();
  if (closing && m.outcome.empty()) errors.push_back({"outcome", "required"});
  else if (closing && std::find(classes.begin(), classes.end(), m.outcome) == classes.end())
    errors.push_back({"outcome", "choice"});
  else if (!closing && !m.outcome.empty()) errors.push_back({"outcome", "only_when_closing"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return *kind;
}

}  // namespace spiraal
