#include "engine/run/history_check.hpp"

namespace pillars {

RecordedHistoryCheck checkRecordedHistory(const HistoryRecorder& recorder,
                                          const lin::Limits& limits) {
  RecordedHistoryCheck out;
  out.json = recorder.toJson();
  out.load = readHistory(out.json, "recorded history");
  if (out.load.ok()) out.result = lin::check(*out.load.history, limits);
  return out;
}

}  // namespace pillars
