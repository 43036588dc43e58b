#pragma once
// The upward spiral (handbook ch. 2): selection, cycle 1 (7 phases), cycle 2
// (5 phases, optional), cycle 3 (5 phases), aftercare, closed. Phases may be
// skipped, cycle 1 may go straight to cycle 3, and sliding back (afglijden)
// to any earlier phase is always allowed. This file decides which moves are
// legal; it stores nothing.
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace spiraal {

enum class Stage { kSelection, kCycle1, kCycle2, kCycle3, kAftercare, kClosed };

// A place in the spiral, written as a code: "selection", "c1.1".."c1.7",
// "c2.1".."c2.5", "c3.1".."c3.5", "aftercare", "closed".
struct SpiralState {
  Stage stage = Stage::kSelection;
  int phase = 0;  // 1-based within a cycle; 0 for selection, aftercare, closed

  std::string code() const;
  // Position on the spiral, for ordering: selection 0 … closed last.
  int rank() const;
  bool operator==(const SpiralState&) const = default;
};

// Parses a state code; nullopt for anything else.
std::optional<SpiralState> parse_spiral_state(const std::string& code);
// Every state, in spiral order.
const std::vector<SpiralState>& all_spiral_states();

enum class MoveKind {
  kForward,       // to the next phase
  kSkip,          // further ahead within the spiral's allowed paths
  kCycle1To3,     // from cycle 1 straight to cycle 3
  kSlideBack,     // afglijden: back to any earlier phase
  kClose,         // to closed, with an outcome class
  kReopen,        // from closed back into the spiral
};
std::string to_string(MoveKind k);

// Outcome classes on closing (W² ship metaphor plus the other endings).
const std::vector<std::string>& outcome_classes();

// Classifies a move or refuses it. Refusals are field errors on "to_state"
// (rules: "same_state", "closed_reopen_first", "move_not_allowed").
Result<MoveKind> classify_move(const SpiralState& from, const SpiralState& to);

// A requested move with everything it must carry.
struct MoveRequest {
  std::string to_state;
  std::string moved_on;  // YYYY-MM-DD
  std::string reason;
  std::string outcome;   // only for closing
};

// Validates a move request from `from` (whose last move was on
// `last_moved_on`, or "" for none) given `today`: known state, a legal move,
// a date not in the future and not before the last move, a reason, and an
// outcome class exactly when closing.
Result<MoveKind> check_move(const SpiralState& from, const std::string& last_moved_on, const MoveRequest& m,
                            const std::string& today);

// Limits shared with forms and docs.
inline constexpr size_t kMaxReasonLength = 2000;

}  // namespace spiraal
