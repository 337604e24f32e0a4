#pragma once

#include <string>

#include "engine/io/history_reader.hpp"
#include "engine/pillars/truth/linearizability.hpp"
#include "engine/run/history_recorder.hpp"

namespace pillars {

/// A recorded history, as written for `--history-out`, and the checker's verdict on it.
struct RecordedHistoryCheck {
  std::string json;   // the docs/history-format.md document
  HistoryLoad load;   // the same document read back, with key and value names for explanations
  lin::Result result;
  bool linearizable() const { return load.ok() && result.verdict == lin::Verdict::Linearizable; }
};

/// Writes the recorder's history as a history document, reads it back with the same reader
/// `pillars-cli check-history` uses, and checks it. Going through the document (rather than
/// building the checker's input directly) means the CLI checks exactly what it writes, and a
/// file it writes is always one check-history accepts.
RecordedHistoryCheck checkRecordedHistory(const HistoryRecorder& recorder,
                                          const lin::Limits& limits = {});

}  // namespace pillars
