#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/diagnostic.hpp"
#include "engine/pillars/truth/linearizability.hpp"

namespace pillars {

/// A register history read from a file (docs/history-format.md), with the names behind the
/// interned keys and values so that results can be explained in the file's own terms.
struct HistoryLoad {
  std::optional<lin::History> history;
  std::vector<std::string> keyNames;    // by key id
  std::vector<std::string> valueTexts;  // by value id, as JSON text ("1", "\"a\"", "null")
  std::vector<Diagnostic> errors;
  bool ok() const { return history.has_value() && errors.empty(); }
};

/// Parses a history document; `file` names it in diagnostics.
HistoryLoad readHistory(std::string_view text, const std::string& file);
/// Reads and parses a history file.
HistoryLoad loadHistoryFile(const std::string& path);

/// A person's account of a check's result: the verdict, and when the history is not
/// linearizable the operation that could not be placed and the order that got furthest.
std::string explainCheck(const HistoryLoad& load, const lin::Result& result);

}  // namespace pillars
