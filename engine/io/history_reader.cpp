#include "engine/io/history_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>

#include "engine/util/units.hpp"

namespace pillars {

namespace {

constexpr std::string_view kFormatName = "pillars-history";
constexpr std::int64_t kVersion = 1;
constexpr std::size_t kMaxErrors = 50;

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// Walks a history document, interning keys and values and collecting every problem.
class HistoryParser {
 public:
  explicit HistoryParser(const std::string& file) : m_file(file) {}

  HistoryLoad parse(std::string_view text) {
    HistoryLoad load;
    auto parsed = parseJson(text);
    if (auto* err = std::get_if<JsonError>(&parsed)) {
      load.errors.push_back(Diagnostic{m_file, err->location, "", "invalid JSON: " + err->message});
      return load;
    }
    lin::History history;
    if (readRoot(std::get<JsonValue>(parsed), history) && m_errors.empty()) {
      load.history = std::move(history);
    }
    load.keyNames = std::move(m_keyNames);
    load.valueTexts = std::move(m_valueTexts);
    load.errors = std::move(m_errors);
    return load;
  }

 private:
  void error(const JsonValue& at, const JsonPath& path, std::string message) {
    if (m_errors.size() < kMaxErrors) {
      m_errors.push_back(Diagnostic{m_file, at.location(), path.str(), std::move(message)});
    }
  }
  static std::string describe(const JsonValue& v) {
    if (v.isString()) return "the string " + quoted(v.asString());
    if (v.isNumber()) {
      return "the number " + (v.holdsInt64() ? std::to_string(v.asInt64()) : formatNumber(v.asNumber()));
    }
    if (v.isBool()) return v.asBool() ? "true" : "false";
    return v.typeName();
  }
  void typeError(const JsonValue& v, const JsonPath& path, std::string_view expected) {
    error(v, path, "expected " + std::string(expected) + ", got " + describe(v));
  }
  void checkKnownKeys(const JsonValue& obj, const JsonPath& path,
                      std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : obj.members()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error(value, path.key(key), "unknown field " + quoted(key) + " (expected one of: " + list + ")");
    }
  }

  /// Values are compared as JSON text: 1 and "1" differ, 1 and 1.0 are the same number.
  std::optional<std::uint32_t> internValue(const JsonValue& v, const JsonPath& path) {
    std::string text;
    if (v.isNull()) {
      text = "null";
    } else if (v.isNumber()) {
      text = v.isInteger() ? std::to_string(v.asInt64()) : formatNumber(v.asNumber());
    } else if (v.isString()) {
      text = quoted(v.asString());
    } else if (v.isBool()) {
      text = v.asBool() ? "true" : "false";
    } else {
      typeError(v, path, "a value that is a number, a string, true, false or null");
      return std::nullopt;
    }
    return intern(m_values, m_valueTexts, text);
  }

  std::optional<std::uint32_t> internKey(const JsonValue& v, const JsonPath& path) {
    if (v.isString()) return intern(m_keys, m_keyNames, v.asString());
    if (v.isNumber() && v.isInteger()) return intern(m_keys, m_keyNames, std::to_string(v.asInt64()));
    typeError(v, path, "a key that is a string or an integer");
    return std::nullopt;
  }

  static std::uint32_t intern(std::map<std::string, std::uint32_t>& ids,
                              std::vector<std::string>& names, const std::string& text) {
    const auto [it, inserted] = ids.emplace(text, static_cast<std::uint32_t>(names.size()));
    if (inserted) names.push_back(text);
    return it->second;
  }

  std::optional<double> readTime(const JsonValue& v, const JsonPath& path) {
    if (v.isNumber() && std::isfinite(v.asNumber())) return v.asNumber();
    typeError(v, path, "a time as a number (any unit, the same for every operation)");
    return std::nullopt;
  }

  bool readRoot(const JsonValue& root, lin::History& h) {
    const JsonPath path = JsonPath::root();
    if (!root.isObject()) {
      typeError(root, path, "a JSON object at the top of the file");
      return false;
    }
    const JsonValue* format = root.find("format");
    if (!format || !format->isString() || format->asString() != kFormatName) {
      error(format ? *format : root, format ? path.key("format") : path,
            "expected \"format\": \"pillars-history\" (is this a Pillars history file?)");
      return false;
    }
    const JsonValue* version = root.find("version");
    if (!version) {
      error(root, path, "missing required field \"version\"");
      return false;
    }
    if (!version->isInteger() || version->asInt64() != kVersion) {
      typeError(*version, path.key("version"), "version 1");
      return false;
    }
    checkKnownKeys(root, path, {"format", "version", "initial", "operations"});
    // Interned first, so the initial value has id 0 (null unless the file says otherwise).
    if (const JsonValue* initial = root.find("initial")) {
      if (auto id = internValue(*initial, path.key("initial"))) h.initialValue = *id;
    } else {
      h.initialValue = intern(m_values, m_valueTexts, "null");
    }
    const JsonValue* ops = root.find("operations");
    if (!ops) {
      error(root, path, "missing required field \"operations\"");
      return false;
    }
    if (!ops->isArray()) {
      typeError(*ops, path.key("operations"), "an array of operations");
      return false;
    }
    for (std::size_t i = 0; i < ops->items().size(); ++i) {
      readOperation(ops->items()[i], path.key("operations").index(i), i, h);
    }
    return true;
  }

  void readOperation(const JsonValue& v, const JsonPath& path, std::size_t index,
                     lin::History& h) {
    if (!v.isObject()) {
      typeError(v, path, "an operation object");
      return;
    }
    checkKnownKeys(v, path, {"process", "key", "op", "value", "invoke", "response"});
    lin::Operation op;
    bool ok = true;
    const JsonValue* kind = v.find("op");
    if (!kind) {
      error(v, path, "missing required field \"op\" (\"read\" or \"write\")");
      ok = false;
    } else if (!kind->isString() || (kind->asString() != "read" && kind->asString() != "write")) {
      typeError(*kind, path.key("op"), "\"read\" or \"write\"");
      ok = false;
    } else {
      op.write = kind->asString() == "write";
    }
    if (const JsonValue* key = v.find("key")) {
      if (auto id = internKey(*key, path.key("key"))) op.key = *id; else ok = false;
    } else {
      op.key = intern(m_keys, m_keyNames, "");
    }
    const JsonValue* invoke = v.find("invoke");
    if (!invoke) {
      error(v, path, "missing required field \"invoke\"");
      ok = false;
    } else if (auto t = readTime(*invoke, path.key("invoke"))) {
      op.invoke = *t;
    } else {
      ok = false;
    }
    const JsonValue* response = v.find("response");
    op.pending = !response || response->isNull();
    if (!op.pending) {
      if (auto t = readTime(*response, path.key("response"))) {
        op.response = *t;
        if (invoke && invoke->isNumber() && op.response < op.invoke) {
          error(*response, path.key("response"),
                "the response (" + formatNumber(op.response) + ") comes before the invocation (" +
                    formatNumber(op.invoke) + ")");
          ok = false;
        }
      } else {
        ok = false;
      }
    }
    const JsonValue* value = v.find("value");
    // A write needs its value; so does a read that returned. A pending read returned nothing.
    if (!value && (op.write || !op.pending)) {
      error(v, path, std::string("missing required field \"value\" (") +
                         (op.write ? "the value written" : "the value the read returned") + ")");
      ok = false;
    } else if (value && !op.write && op.pending) {
      error(*value, path.key("value"), "a read with no response returned no value; remove it");
      ok = false;
    } else if (value) {
      if (auto id = internValue(*value, path.key("value"))) op.value = *id; else ok = false;
    }
    std::string process;
    if (const JsonValue* p = v.find("process")) {
      if (p->isString()) {
        process = p->asString();
      } else if (p->isNumber() && p->isInteger()) {
        process = std::to_string(p->asInt64());
      } else {
        typeError(*p, path.key("process"), "a process name (a string or an integer)");
        ok = false;
      }
    }
    if (!ok) return;
    op.label = "operations[" + std::to_string(index) + "]" +
               (process.empty() ? "" : " (process " + process + ")");
    h.ops.push_back(std::move(op));
  }

  std::string m_file;
  std::vector<Diagnostic> m_errors;
  std::map<std::string, std::uint32_t> m_keys, m_values;
  std::vector<std::string> m_keyNames, m_valueTexts;
};

std::string describeOp(const HistoryLoad& load, const lin::Operation& op) {
  std::string s = op.label + ": " + (op.write ? "write " : "read ") + "key " +
                  quoted(load.keyNames[op.key]) + (op.write ? " := " : " -> ") +
                  load.valueTexts[op.value] + ", invoked at " + formatNumber(op.invoke);
  s += op.pending ? ", no response" : ", returned at " + formatNumber(op.response);
  return s;
}

}  // namespace

HistoryLoad readHistory(std::string_view text, const std::string& file) {
  return HistoryParser(file).parse(text);
}

HistoryLoad loadHistoryFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    HistoryLoad load;
    load.errors.push_back(
        Diagnostic{path, {}, "", "cannot open the file (does it exist, and may it be read?)"});
    return load;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return readHistory(text.str(), path);
}

std::string explainCheck(const HistoryLoad& load, const lin::Result& r) {
  const lin::History& h = *load.history;
  std::string out;
  switch (r.verdict) {
    case lin::Verdict::Linearizable:
      out = "linearizable (" + std::to_string(h.ops.size()) + " operations on " +
            std::to_string(r.keysChecked) + " key" + (r.keysChecked == 1 ? "" : "s") + ", " +
            std::to_string(r.steps) + " search steps";
      if (r.pendingReadsIgnored > 0) {
        out += ", " + std::to_string(r.pendingReadsIgnored) + " pending read" + (r.pendingReadsIgnored == 1 ? "" : "s") + " ignored";
      }
      return out + ")\n";
    case lin::Verdict::TooLarge:
      return "too large to decide: key " + quoted(load.keyNames[r.key]) + ": " + r.reason +
             " after " + std::to_string(r.steps) + " steps\n";
    case lin::Verdict::NotLinearizable: break;
  }
  out = "NOT linearizable: key " + quoted(load.keyNames[r.key]) + "\n";
  out += "  cannot place " + describeOp(load, h.ops[r.unplaceable]) + "\n";
  out += "  because " + r.reason + ".\n";
  if (!r.longestPrefix.empty()) {
    out += "  The longest order found takes " + std::to_string(r.longestPrefix.size()) +
           " operation" + (r.longestPrefix.size() == 1 ? "" : "s") + " (value then " +
           load.valueTexts[r.stateAfterPrefix] + "):\n";
    for (const std::size_t i : r.longestPrefix) out += "    " + describeOp(load, h.ops[i]) + "\n";
  }
  return out;
}

}  // namespace pillars
