// Tests of the strict scenario reader: every kind of bad input must produce a diagnostic that
// names the file, the line:column, the JSON path and what was expected; valid files must
// round-trip through the writer; `--set` overrides must explain their failures; and no input,
// however mangled, may crash the reader.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <random>
#include <variant>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/json.hpp"
#include "engine/io/json_writer.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/overrides.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/util/units.hpp"

namespace pillars {
namespace {

constexpr const char* kFile = "test.json";

ScenarioLoad read(std::string_view text, const std::string& file = kFile) {
  return readScenario(text, file, builtinRegistry());
}

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

/// Line and column (1-based) of the `occurrence`-th appearance of `needle` in an ASCII text,
/// moved `skip` characters to the right.
SourceLocation locate(std::string_view text, std::string_view needle, int occurrence = 1,
                      std::size_t skip = 0) {
  std::size_t at = std::string_view::npos;
  std::size_t from = 0;
  for (int i = 0; i < occurrence; ++i) {
    at = text.find(needle, from);
    if (at == std::string_view::npos) {
      ADD_FAILURE() << "test bug: '" << needle << "' (occurrence " << occurrence
                    << ") is not in the text";
      return {};
    }
    from = at + 1;
  }
  at += skip;
  SourceLocation loc{1, 1};
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

/// Where the value of the `occurrence`-th member named `key` starts (written `"key": value`).
SourceLocation valueOf(std::string_view text, std::string_view key, int occurrence = 1) {
  const std::string needle = "\"" + std::string(key) + "\": ";
  return locate(text, needle, occurrence, needle.size());
}

void expectDiagnostic(const Diagnostic& d, SourceLocation at, std::string_view path,
                      std::initializer_list<std::string_view> words,
                      std::string_view file = kFile) {
  EXPECT_EQ(d.file, file) << d.format();
  EXPECT_EQ(d.location.line, at.line) << d.format();
  EXPECT_EQ(d.location.column, at.column) << d.format();
  EXPECT_EQ(d.path, path) << d.format();
  EXPECT_FALSE(d.message.empty());
  for (const std::string_view w : words) {
    EXPECT_TRUE(contains(d.message, w)) << "message lacks '" << w << "': " << d.format();
  }
}

/// The node a diagnostic path such as `$.components[2].params["my param"]` names, or nullptr.
const JsonValue* resolvePath(const JsonValue& root, std::string_view path) {
  if (path.empty() || path.front() != '$') return nullptr;
  const JsonValue* v = &root;
  std::size_t i = 1;
  while (v != nullptr && i < path.size()) {
    if (path[i] == '.') {
      std::size_t j = i + 1;
      while (j < path.size() && path[j] != '.' && path[j] != '[') ++j;
      v = v->find(path.substr(i + 1, j - i - 1));
      i = j;
    } else if (path[i] == '[' && i + 1 < path.size() && path[i + 1] == '"') {
      std::size_t j = i + 2;
      while (j < path.size() && path[j] != '"') j += path[j] == '\\' ? 2 : 1;
      if (j + 1 >= path.size() || path[j + 1] != ']') return nullptr;
      auto key = parseJson(path.substr(i + 1, j - i));
      if (!std::holds_alternative<JsonValue>(key)) return nullptr;
      v = v->find(std::get<JsonValue>(key).asString());
      i = j + 2;
    } else if (path[i] == '[') {
      std::size_t j = i + 1;
      std::size_t index = 0;
      while (j < path.size() && path[j] >= '0' && path[j] <= '9') {
        index = index * 10 + static_cast<std::size_t>(path[j] - '0');
        ++j;
      }
      if (j == i + 1 || j >= path.size() || path[j] != ']') return nullptr;
      if (!v->isArray() || index >= v->items().size()) return nullptr;
      v = &v->items()[index];
      i = j + 1;
    } else {
      return nullptr;
    }
  }
  return v;
}

/// Every diagnostic with a JSON path must point (line:column) at the value that path names.
void expectPathsMatchLocations(std::string_view text, const ScenarioLoad& load) {
  auto parsed = parseJson(text);
  const JsonValue* root = std::get_if<JsonValue>(&parsed);
  for (const Diagnostic& d : load.errors) {
    if (d.path.empty()) continue;
    ASSERT_NE(root, nullptr) << "a JSON path in a diagnostic for text that is not JSON: " << d.format();
    const JsonValue* node = resolvePath(*root, d.path);
    ASSERT_NE(node, nullptr) << "the path does not exist in the document: " << d.format()
                             << "\nfor input:\n" << text;
    EXPECT_EQ(node->location().line, d.location.line)
        << "the path names a value elsewhere: " << d.format() << "\nfor input:\n" << text;
    EXPECT_EQ(node->location().column, d.location.column)
        << "the path names a value elsewhere: " << d.format() << "\nfor input:\n" << text;
  }
}

/// Reads a text that must fail with exactly one diagnostic, and returns it.
Diagnostic onlyError(std::string_view text) {
  const ScenarioLoad load = read(text);
  EXPECT_FALSE(load.ok());
  EXPECT_FALSE(load.scenario.has_value());
  if (load.errors.size() != 1) {
    ADD_FAILURE() << "expected exactly one diagnostic, got " << load.errors.size() << ":\n"
                  << formatDiagnostics(load.errors) << "for input:\n"
                  << text;
  }
  expectPathsMatchLocations(text, load);
  return load.errors.empty() ? Diagnostic{} : load.errors.front();
}

/// Reads a text that must be valid.
Scenario readOk(std::string_view text) {
  ScenarioLoad load = read(text);
  if (!load.ok()) {
    ADD_FAILURE() << "expected a valid scenario, got:\n"
                  << formatDiagnostics(load.errors) << "for input:\n"
                  << text;
    return Scenario{};
  }
  EXPECT_TRUE(load.errors.empty()) << formatDiagnostics(load.errors);
  return std::move(*load.scenario);
}

/// A scenario document: the fixed header (format, version, duration 10s) followed by `body`,
/// which holds further top-level members separated by commas.
std::string doc(std::string_view body) {
  return "{\n"
         "  \"format\": \"pillars-scenario\",\n"
         "  \"version\": 1,\n"
         "  \"duration\": \"10s\",\n" +
         std::string(body) + "\n}\n";
}

/// A document whose first component is `{"id": "x", "kind": kind, "params": {param: json}}`,
/// wired to a service "sink" so that clients and balancers have somewhere to send.
std::string paramDoc(std::string_view kind, std::string_view param, std::string_view json) {
  return doc("  \"components\": [\n"
             "    { \"id\": \"x\", \"kind\": \"" + std::string(kind) + "\", \"params\": { \"" +
             std::string(param) + "\": " + std::string(json) + " } },\n" +
             "    { \"id\": \"sink\", \"kind\": \"service\" }\n"
             "  ],\n"
             "  \"links\": [ { \"from\": \"x\", \"to\": \"sink\" } ]");
}

/// A document with services a and b, a link a->b, and the given extra top-level members.
std::string twoServices(std::string_view rest) {
  std::string body =
      "  \"components\": [\n"
      "    { \"id\": \"a\", \"kind\": \"service\" },\n"
      "    { \"id\": \"b\", \"kind\": \"service\" }\n"
      "  ]";
  if (!rest.empty()) body += ",\n" + std::string(rest);
  return doc(body);
}

std::string paramText(const ComponentSpec& c, std::string_view name) {
  const auto index = c.params.indexOf(name);
  if (!index) return "<no such parameter>";
  return formatParamValue(c.params.specs()[*index], c.params.value(*index));
}

std::string paramText(const LinkSpec& l, std::string_view name) {
  const auto index = l.params.indexOf(name);
  if (!index) return "<no such parameter>";
  return formatParamValue(l.params.specs()[*index], l.params.value(*index));
}

void expectSameParams(const ParamSet& a, const ParamSet& b, const std::string& owner) {
  ASSERT_EQ(a.specs().size(), b.specs().size()) << owner;
  for (std::size_t i = 0; i < a.specs().size(); ++i) {
    EXPECT_EQ(a.specs()[i].name, b.specs()[i].name) << owner;
    EXPECT_TRUE(a.value(i) == b.value(i))
        << owner << "." << a.specs()[i].name << ": " << formatParamValue(a.specs()[i], a.value(i))
        << " != " << formatParamValue(b.specs()[i], b.value(i));
  }
}

void expectSameScenario(const Scenario& a, const Scenario& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.duration, b.duration);
  EXPECT_EQ(a.warmup, b.warmup);
  EXPECT_EQ(a.metricsInterval, b.metricsInterval);
  ASSERT_EQ(a.components.size(), b.components.size());
  for (std::size_t i = 0; i < a.components.size(); ++i) {
    const ComponentSpec& x = a.components[i];
    const ComponentSpec& y = b.components[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.position, y.position) << x.id;
    expectSameParams(x.params, y.params, x.id);
  }
  ASSERT_EQ(a.links.size(), b.links.size());
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    EXPECT_EQ(a.links[i].id, b.links[i].id);
    EXPECT_EQ(a.links[i].from, b.links[i].from);
    EXPECT_EQ(a.links[i].to, b.links[i].to);
    expectSameParams(a.links[i].params, b.links[i].params, a.links[i].id);
  }
  ASSERT_EQ(a.groups.size(), b.groups.size());
  for (std::size_t i = 0; i < a.groups.size(); ++i) {
    EXPECT_EQ(a.groups[i].id, b.groups[i].id);
    EXPECT_EQ(a.groups[i].kind, b.groups[i].kind);
    EXPECT_EQ(a.groups[i].label, b.groups[i].label);
    EXPECT_EQ(a.groups[i].members, b.groups[i].members);
    EXPECT_EQ(a.groups[i].parent, b.groups[i].parent);
  }
  ASSERT_EQ(a.faults.size(), b.faults.size());
  for (std::size_t i = 0; i < a.faults.size(); ++i) {
    EXPECT_EQ(a.faults[i].at, b.faults[i].at);
    EXPECT_EQ(a.faults[i].action, b.faults[i].action);
    EXPECT_EQ(a.faults[i].target, b.faults[i].target);
  }
}

/// readScenario(writeScenarioJson(s)) must give s back, and writing that again the same text.
void expectRoundTrip(const Scenario& s) {
  const std::string first = writeScenarioJson(s);
  const ScenarioLoad again = read(first, "written.json");
  ASSERT_TRUE(again.ok()) << formatDiagnostics(again.errors) << "for the written text:\n" << first;
  expectSameScenario(s, *again.scenario);
  EXPECT_EQ(writeScenarioJson(*again.scenario), first);
}

std::string testData(std::string_view relative) {
  return std::string(PILLARS_TEST_DATA) + "/" + std::string(relative);
}

// =============================================================================================
// Not JSON at all

TEST(ScenarioReaderSyntax, SyntaxErrorNamesFileLineAndColumn) {
  const std::string text =
      "{\n"
      "  \"format\": \"pillars-scenario\",\n"
      "  \"version\": 1,\n"
      "  \"duration\": \"10s\"\n"
      "  \"components\": []\n"
      "}\n";
  const Diagnostic d = onlyError(text);
  expectDiagnostic(d, {5, 3}, "", {"invalid JSON", "','"});
  EXPECT_EQ(d.format().rfind("test.json:5:3: invalid JSON: ", 0), 0u) << d.format();
}

TEST(ScenarioReaderSyntax, StrictJsonRulesAreEnforced) {
  struct Case {
    const char* name;
    std::string text;
    std::string needle;  // where the error must point
    const char* words;
  };
  const std::string base = doc("  \"components\": []");
  const std::vector<Case> cases = {
      {"line comment", doc("  // a comment\n  \"components\": []"), "//", "comments"},
      {"block comment", doc("  /* a comment */\n  \"components\": []"), "/*", "comments"},
      {"trailing comma in object", doc("  \"components\": [],"), ",\n}", "trailing comma"},
      {"trailing comma in array",
       doc("  \"components\": [ { \"id\": \"a\", \"kind\": \"service\" }, ]"), ", ]",
       "trailing comma"},
      {"duplicate key", doc("  \"components\": [],\n  \"duration\": \"5s\""), "\"duration\": \"5s",
       "duplicate key \"duration\""},
      {"single quotes", doc("  'components': []"), "'", "double quotes"},
      {"unquoted key", doc("  components: []"), "components", "double-quoted"},
      {"NaN", doc("  \"components\": [], \"seed\": NaN"), "NaN", "NaN"},
      {"unterminated string", "{\n  \"format\": \"pillars-scenario", "\"pillars", "unterminated"},
      {"text after the document", base + "{}", "{}", "after the JSON value"},
      {"number out of range", doc("  \"components\": [], \"seed\": 1e999"), "1e999", "out of range"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Diagnostic d = onlyError(c.text);
    expectDiagnostic(d, locate(c.text, c.needle), "", {"invalid JSON: ", c.words});
  }
  const std::string unclosed = "{\n  \"format\": \"pillars-scenario\",\n";
  expectDiagnostic(onlyError(unclosed), {3, 1}, "", {"invalid JSON: ", "end of input"});
  const Diagnostic deep = onlyError(std::string(300, '['));
  EXPECT_EQ(deep.location.line, 1);
  EXPECT_TRUE(contains(deep.message, "nesting deeper than")) << deep.format();
}

TEST(ScenarioReaderSyntax, EmptyAndWhitespaceOnlyTextsAreInvalidJson) {
  expectDiagnostic(onlyError(""), {1, 1}, "", {"invalid JSON", "empty document"});
  const Diagnostic d = onlyError("  \n\t\n");
  EXPECT_EQ(d.path, "");
  EXPECT_TRUE(contains(d.message, "invalid JSON")) << d.format();
  EXPECT_GE(d.location.line, 1);
}

TEST(ScenarioReaderSyntax, InvalidUtf8IsReportedNotCrashedOn) {
  std::string text = doc("  \"name\": \"caf\xC3\", \"components\": []");
  const Diagnostic d = onlyError(text);
  EXPECT_TRUE(contains(d.message, "UTF-8")) << d.format();
  EXPECT_EQ(d.location.line, 5);
}

// =============================================================================================
// The top level: format and version

TEST(ScenarioReaderTop, TopLevelMustBeAnObject) {
  expectDiagnostic(onlyError("[1, 2]"), {1, 1}, "$", {"JSON object", "got array"});
  expectDiagnostic(onlyError("\n  \"pillars\""), {2, 3}, "$",
                   {"JSON object", "got the string \"pillars\""});
  expectDiagnostic(onlyError("42"), {1, 1}, "$", {"JSON object", "got the number 42"});
  expectDiagnostic(onlyError("null"), {1, 1}, "$", {"JSON object", "got null"});
}

TEST(ScenarioReaderTop, MissingFormatIsRefused) {
  const Diagnostic d = onlyError("{\n  \"version\": 1,\n  \"components\": []\n}");
  expectDiagnostic(d, {1, 1}, "$", {"\"format\": \"pillars-scenario\"", "Pillars scenario file"});
}

TEST(ScenarioReaderTop, WrongFormatIsRefusedAtTheFormatField) {
  const std::string text = "{\n  \"format\": \"pillars-results\",\n  \"version\": 1\n}";
  expectDiagnostic(onlyError(text), valueOf(text, "format"), "$.format",
                   {"\"format\": \"pillars-scenario\"", "Pillars scenario file"});
  const std::string number = "{ \"format\": 7, \"version\": 1 }";
  expectDiagnostic(onlyError(number), valueOf(number, "format"), "$.format",
                   {"\"format\": \"pillars-scenario\""});
}

TEST(ScenarioReaderTop, MissingVersionIsRefused) {
  const std::string text = "{\n  \"format\": \"pillars-scenario\",\n  \"components\": []\n}";
  expectDiagnostic(onlyError(text), {1, 1}, "$", {"missing required field \"version\""});
}

TEST(ScenarioReaderTop, NewerVersionIsRefusedWithUpgradeAdvice) {
  // A newer file may have fields this reader does not know and lack ones it needs: the only
  // diagnostic must be the version one.
  const std::string text =
      "{\n"
      "  \"format\": \"pillars-scenario\",\n"
      "  \"version\": 2,\n"
      "  \"timeline\": { \"new\": true }\n"
      "}\n";
  const Diagnostic d = onlyError(text);
  expectDiagnostic(d, {3, 14}, "$.version", {"version 2", "newer", "(1)", "upgrade Pillars"});
  EXPECT_EQ(d.format(),
            "test.json:3:14: $.version: format version 2 is newer than this version of Pillars "
            "supports (1); upgrade Pillars to open this file");
}

TEST(ScenarioReaderTop, NonsenseVersionsAreRefused) {
  struct Case {
    const char* json;
    const char* got;
  };
  const Case cases[] = {
      {"0", "got the number 0"},     {"-1", "got the number -1"},
      {"\"1\"", "got the string \"1\""}, {"1.5", "got the number 1.5"},
      {"true", "got true"},          {"null", "got null"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    const std::string text = "{\n  \"format\": \"pillars-scenario\",\n  \"version\": " +
                             std::string(c.json) + ",\n  \"duration\": 1,\n  \"components\": []\n}";
    expectDiagnostic(onlyError(text), {3, 14}, "$.version", {"format version number (1)", c.got});
  }
}

TEST(ScenarioReaderTop, UnknownTopLevelFieldListsTheKnownOnes) {
  const std::string text = doc("  \"components\": [],\n  \"sead\": 42");
  expectDiagnostic(onlyError(text), valueOf(text, "sead"), "$.sead",
                   {"unknown field \"sead\"", "format", "version", "name", "description", "seed",
                    "duration", "warmup", "metrics", "components", "links", "groups", "faults"});
}

TEST(ScenarioReaderTop, UnknownFieldWithAWeirdNameGetsAQuotedPath) {
  const std::string text = doc("  \"components\": [],\n  \"my field\": 1");
  expectDiagnostic(onlyError(text), valueOf(text, "my field"), "$[\"my field\"]",
                   {"unknown field \"my field\""});
}

TEST(ScenarioReaderTop, MissingDurationAndComponentsAreReported) {
  const std::string text = "{ \"format\": \"pillars-scenario\", \"version\": 1 }";
  const ScenarioLoad load = read(text);
  ASSERT_EQ(load.errors.size(), 2u) << formatDiagnostics(load.errors);
  expectDiagnostic(load.errors[0], {1, 1}, "$", {"missing required field \"duration\""});
  expectDiagnostic(load.errors[1], {1, 1}, "$", {"missing required field \"components\""});
}

TEST(ScenarioReaderTop, WrongTypesOfTopLevelFieldsAreEachReported) {
  const std::string text = doc(
      "  \"name\": 3,\n"
      "  \"description\": false,\n"
      "  \"seed\": \"lucky\",\n"
      "  \"metrics\": [],\n"
      "  \"components\": {},\n"
      "  \"links\": 5,\n"
      "  \"groups\": \"x\",\n"
      "  \"faults\": null");
  const ScenarioLoad load = read(text);
  ASSERT_EQ(load.errors.size(), 8u) << formatDiagnostics(load.errors);
  expectDiagnostic(load.errors[0], valueOf(text, "name"), "$.name",
                   {"expected a string", "got the number 3"});
  expectDiagnostic(load.errors[1], valueOf(text, "description"), "$.description",
                   {"expected a string", "got false"});
  expectDiagnostic(load.errors[2], valueOf(text, "seed"), "$.seed",
                   {"non-negative integer", "got the string \"lucky\""});
  expectDiagnostic(load.errors[3], valueOf(text, "metrics"), "$.metrics",
                   {"expected an object", "got array"});
  expectDiagnostic(load.errors[4], valueOf(text, "components"), "$.components",
                   {"array of components", "got object"});
  expectDiagnostic(load.errors[5], valueOf(text, "links"), "$.links",
                   {"array of links", "got the number 5"});
  expectDiagnostic(load.errors[6], valueOf(text, "groups"), "$.groups",
                   {"array of groups", "got the string \"x\""});
  expectDiagnostic(load.errors[7], valueOf(text, "faults"), "$.faults",
                   {"array of faults", "got null"});
}

TEST(ScenarioReaderTop, SeedMustBeANonNegativeInteger) {
  for (const char* json : {"-1", "2.5", "true"}) {
    SCOPED_TRACE(json);
    const std::string text = doc("  \"seed\": " + std::string(json) + ",\n  \"components\": []");
    expectDiagnostic(onlyError(text), valueOf(text, "seed"), "$.seed",
                     {"expected a non-negative integer", json});
  }
  const Scenario s = readOk(doc("  \"seed\": 9007199254740993,\n  \"components\": []"));
  EXPECT_EQ(s.seed, 9007199254740993u);  // exact above 2^53
}

// =============================================================================================
// Durations, warm-up, metrics

TEST(ScenarioReaderTiming, DurationMustBeAPositiveDuration) {
  struct Case {
    const char* json;
    std::vector<const char*> words;
  };
  const std::vector<Case> cases = {
      {"\"5 parsecs\"", {"expected a duration such as", "got the string \"5 parsecs\""}},
      {"\"-5s\"", {"expected a duration", "got the string \"-5s\""}},
      {"-5", {"expected a duration", "got the number -5"}},
      {"\"\"", {"expected a duration", "got the string \"\""}},
      {"true", {"expected a duration", "got true"}},
      {"0", {"greater than 0"}},
      {"\"0ms\"", {"greater than 0"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    const std::string text = "{\n  \"format\": \"pillars-scenario\",\n  \"version\": 1,\n"
                             "  \"duration\": " + std::string(c.json) + ",\n  \"components\": []\n}";
    const Diagnostic d = onlyError(text);
    EXPECT_EQ(d.location.line, 4) << d.format();
    EXPECT_EQ(d.location.column, 15) << d.format();
    EXPECT_EQ(d.path, "$.duration");
    for (const char* w : c.words) EXPECT_TRUE(contains(d.message, w)) << d.format();
  }
}

TEST(ScenarioReaderTiming, DurationTextForms) {
  struct Case {
    const char* json;
    SimTime expected;
  };
  const Case cases[] = {
      {"90", 90 * kSecond},         {"0.25", 250 * kMillisecond}, {"\"90s\"", 90 * kSecond},
      {"\"1.5m\"", 90 * kSecond},   {"\"2h\"", 2 * kHour},        {"\"1d\"", 24 * kHour},
      {"\"250ms\"", 250 * kMillisecond}, {"\"40us\"", 40 * kMicrosecond},
      {"\"7ns\"", 7},               {"\" 3 s \"", 3 * kSecond},   {"\"1e3ms\"", kSecond},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    const Scenario s = readOk("{ \"format\": \"pillars-scenario\", \"version\": 1, \"duration\": " +
                              std::string(c.json) + ", \"components\": [] }");
    EXPECT_EQ(s.duration, c.expected);
  }
}

TEST(ScenarioReaderTiming, WarmupMustBeShorterThanTheDuration) {
  for (const char* warmup : {"\"10s\"", "\"11s\"", "3600"}) {
    SCOPED_TRACE(warmup);
    const std::string text = doc("  \"warmup\": " + std::string(warmup) + ",\n  \"components\": []");
    expectDiagnostic(onlyError(text), valueOf(text, "warmup"), "$.warmup",
                     {"must be shorter than the duration (10s)"});
  }
  EXPECT_EQ(readOk(doc("  \"warmup\": \"9.5s\",\n  \"components\": []")).warmup,
            9500 * kMillisecond);
  const std::string bad = doc("  \"warmup\": \"soon\",\n  \"components\": []");
  expectDiagnostic(onlyError(bad), valueOf(bad, "warmup"), "$.warmup",
                   {"expected a duration", "\"soon\""});
}

TEST(ScenarioReaderTiming, WarmupIsNotComparedWithADurationTheFileDoesNotHave) {
  // The duration is wrong or missing: the warm-up must not be reported against the built-in
  // default of 1m, a number that appears nowhere in the file.
  const std::string invalid =
      "{ \"format\": \"pillars-scenario\", \"version\": 1, \"duration\": \"abc\",\n"
      "  \"warmup\": \"90s\", \"components\": [] }";
  const Diagnostic d = onlyError(invalid);
  EXPECT_EQ(d.path, "$.duration") << d.format();

  const std::string missing =
      "{ \"format\": \"pillars-scenario\", \"version\": 1,\n"
      "  \"warmup\": \"90s\", \"components\": [] }";
  const Diagnostic m = onlyError(missing);
  expectDiagnostic(m, {1, 1}, "$", {"missing required field \"duration\""});
}

TEST(ScenarioReaderTiming, MetricsInterval) {
  const std::string tooShort = doc("  \"metrics\": { \"interval\": \"0.5ms\" },\n  \"components\": []");
  expectDiagnostic(onlyError(tooShort), valueOf(tooShort, "interval"), "$.metrics.interval",
                   {"0 (off) or at least 1ms"});
  const std::string ns = doc("  \"metrics\": { \"interval\": \"1ns\" },\n  \"components\": []");
  expectDiagnostic(onlyError(ns), valueOf(ns, "interval"), "$.metrics.interval", {"at least 1ms"});
  const std::string unknown =
      doc("  \"metrics\": { \"interval\": \"1s\", \"period\": \"1s\" },\n  \"components\": []");
  expectDiagnostic(onlyError(unknown), valueOf(unknown, "period"), "$.metrics.period",
                   {"unknown field \"period\"", "interval"});
  const std::string word = doc("  \"metrics\": { \"interval\": \"often\" },\n  \"components\": []");
  expectDiagnostic(onlyError(word), valueOf(word, "interval"), "$.metrics.interval",
                   {"expected a duration", "\"often\""});

  EXPECT_EQ(readOk(doc("  \"metrics\": { \"interval\": 0 },\n  \"components\": []")).metricsInterval, 0);
  EXPECT_EQ(readOk(doc("  \"metrics\": { \"interval\": \"1ms\" },\n  \"components\": []")).metricsInterval,
            kMillisecond);
  EXPECT_EQ(readOk(doc("  \"metrics\": {},\n  \"components\": []")).metricsInterval, kSecond);
}

TEST(ScenarioReaderTiming, Defaults) {
  const Scenario s = readOk(doc("  \"components\": []"));
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.duration, 10 * kSecond);
  EXPECT_EQ(s.warmup, 0);
  EXPECT_EQ(s.metricsInterval, kSecond);
  EXPECT_EQ(s.name, "");
  EXPECT_TRUE(s.components.empty());
  EXPECT_TRUE(s.links.empty());
  EXPECT_TRUE(s.groups.empty());
  EXPECT_TRUE(s.faults.empty());
}

// =============================================================================================
// Components

TEST(ScenarioReaderComponents, UnknownComponentFieldListsTheKnownOnes) {
  const std::string text =
      doc("  \"components\": [ { \"id\": \"a\", \"kind\": \"service\", \"colour\": \"red\" } ]");
  expectDiagnostic(onlyError(text), valueOf(text, "colour"), "$.components[0].colour",
                   {"unknown field \"colour\"", "id", "kind", "params", "position"});
}

TEST(ScenarioReaderComponents, MissingIdAndKind) {
  const std::string text = doc(
      "  \"components\": [\n"
      "    { \"kind\": \"service\" },\n"
      "    { \"id\": \"b\" },\n"
      "    {}\n"
      "  ]");
  const ScenarioLoad load = read(text);
  ASSERT_EQ(load.errors.size(), 4u) << formatDiagnostics(load.errors);
  expectDiagnostic(load.errors[0], {6, 5}, "$.components[0]", {"missing required field \"id\""});
  expectDiagnostic(load.errors[1], {7, 5}, "$.components[1]", {"missing required field \"kind\""});
  expectDiagnostic(load.errors[2], {8, 5}, "$.components[2]", {"missing required field \"id\""});
  expectDiagnostic(load.errors[3], {8, 5}, "$.components[2]", {"missing required field \"kind\""});
}

TEST(ScenarioReaderComponents, ComponentMustBeAnObject) {
  const std::string text = doc("  \"components\": [ 5, \"web\" ]");
  const ScenarioLoad load = read(text);
  ASSERT_EQ(load.errors.size(), 2u) << formatDiagnostics(load.errors);
  expectDiagnostic(load.errors[0], locate(text, "5,"), "$.components[0]",
                   {"expected an object describing one of the components", "got the number 5"});
  expectDiagnostic(load.errors[1], locate(text, "\"web\""), "$.components[1]",
                   {"got the string \"web\""});
}

TEST(ScenarioReaderComponents, DuplicateIdIsReportedAtTheSecondOne) {
  const std::string text = doc(
      "  \"components\": [\n"
      "    { \"id\": \"app\", \"kind\": \"service\" },\n"
      "    { \"id\": \"app\", \"kind\": \"cache\" }\n"
      "  ]");
  expectDiagnostic(onlyError(text), valueOf(text, "id", 2), "$.components[1].id",
                   {"duplicate id \"app\""});
}

TEST(ScenarioReaderComponents, BadIdsAreRefused) {
  const std::string tooLong(129, 'a');
  // As JSON text: "x\ty" is x, a tab, y.
  for (const std::string& id : {std::string("web server"), std::string(""), tooLong,
                                std::string("caf\xC3\xA9"), std::string("a/b"), std::string("x\\ty")}) {
    SCOPED_TRACE(id);
    const std::string text =
        doc("  \"components\": [ { \"id\": \"" + id + "\", \"kind\": \"service\" } ]");
    const Diagnostic d = onlyError(text);
    expectDiagnostic(d, valueOf(text, "id"), "$.components[0].id",
                     {"expected an id of letters, digits", "1 to 128 characters"});
  }
  const std::string longest(128, 'a');
  EXPECT_EQ(readOk(doc("  \"components\": [ { \"id\": \"" + longest +
                       "\", \"kind\": \"service\" } ]"))
                .components.at(0)
                .id,
            longest);
  EXPECT_EQ(readOk(doc("  \"components\": [ { \"id\": \"Web_1-eu.west:a\", \"kind\": \"service\" } ]"))
                .components.at(0)
                .id,
            "Web_1-eu.west:a");
}

TEST(ScenarioReaderComponents, IdMessageNamesEveryCharacterThatIsAccepted) {
  // The message lists the characters an id may contain. Each one it lists must be accepted, and
  // each punctuation character that is accepted must be listed.
  const Diagnostic d = onlyError(doc("  \"components\": [ { \"id\": \"a b\", \"kind\": \"service\" } ]"));
  for (const char c : std::string("!#$%&()*+,./:;<=>?@[]^_`{|}~-")) {
    SCOPED_TRACE(std::string(1, c));
    const std::string id = std::string("a") + c + "b";
    const bool accepted =
        read(doc("  \"components\": [ { \"id\": \"" + id + "\", \"kind\": \"service\" } ]")).ok();
    const bool listed = contains(d.message, std::string("'") + c + "'");
    EXPECT_EQ(accepted, listed) << "'" << c << "' accepted=" << accepted << " listed=" << listed
                                << " in: " << d.message;
  }
}

TEST(ScenarioReaderComponents, UnknownKindListsTheKinds) {
  const std::string text = doc("  \"components\": [ { \"id\": \"db\", \"kind\": \"database\" } ]");
  expectDiagnostic(onlyError(text), valueOf(text, "kind"), "$.components[0].kind",
                   {"unknown component kind \"database\"", "client", "load_balancer", "service",
                    "queue", "cache"});
  const std::string number = doc("  \"components\": [ { \"id\": \"db\", \"kind\": 3 } ]");
  expectDiagnostic(onlyError(number), valueOf(number, "kind"), "$.components[0].kind",
                   {"expected a string", "got the number 3"});
}

TEST(ScenarioReaderComponents, Position) {
  const Scenario s = readOk(
      doc("  \"components\": [ { \"id\": \"a\", \"kind\": \"service\", \"position\": [12.5, -3] } ]"));
  ASSERT_TRUE(s.components.at(0).position.has_value());
  EXPECT_EQ(s.components[0].position->first, 12.5);
  EXPECT_EQ(s.components[0].position->second, -3.0);
  for (const char* json : {"[1]", "[1, 2, 3]", "[1, \"2\"]", "\"left\"", "{}"}) {
    SCOPED_TRACE(json);
    const std::string text = doc("  \"components\": [ { \"id\": \"a\", \"kind\": \"service\", "
                                 "\"position\": " + std::string(json) + " } ]");
    expectDiagnostic(onlyError(text), valueOf(text, "position"), "$.components[0].position",
                     {"[x, y] (two numbers)"});
  }
}

TEST(ScenarioReaderComponents, ParamsMustBeAnObject) {
  const std::string text =
      doc("  \"components\": [ { \"id\": \"a\", \"kind\": \"service\", \"params\": [] } ]");
  expectDiagnostic(onlyError(text), valueOf(text, "params"), "$.components[0].params",
                   {"expected an object of parameters", "got array"});
}

// =============================================================================================
// Parameters

TEST(ScenarioReaderParams, UnknownParameterListsTheValidOnes) {
  const std::string text = paramDoc("service", "threads", "4");
  expectDiagnostic(onlyError(text), valueOf(text, "threads"), "$.components[0].params.threads",
                   {"unknown parameter \"threads\" for a service", "workers", "queue_capacity",
                    "service_time", "downstream_calls", "downstream_timeout", "response_size"});
  const std::string spaced = paramDoc("service", "my param", "4");
  expectDiagnostic(onlyError(spaced), valueOf(spaced, "my param"),
                   "$.components[0].params[\"my param\"]", {"unknown parameter \"my param\""});
}

struct ParamCase {
  const char* kind;
  const char* param;
  const char* json;
  std::vector<const char*> words;
};

void expectParamError(const ParamCase& c) {
  SCOPED_TRACE(std::string(c.kind) + "." + c.param + " = " + c.json);
  const std::string text = paramDoc(c.kind, c.param, c.json);
  const Diagnostic d = onlyError(text);
  EXPECT_EQ(d.file, kFile);
  const SourceLocation at = valueOf(text, c.param);
  EXPECT_EQ(d.location.line, at.line) << d.format();
  EXPECT_EQ(d.location.column, at.column) << d.format();
  EXPECT_EQ(d.path, "$.components[0].params." + std::string(c.param));
  for (const char* w : c.words) EXPECT_TRUE(contains(d.message, w)) << "lacks '" << w << "': " << d.format();
}

TEST(ScenarioReaderParams, WrongTypeForEachParameterType) {
  const std::vector<ParamCase> cases = {
      // integer
      {"service", "workers", "2.5", {"expected an integer", "got the number 2.5"}},
      {"service", "workers", "\"x\"", {"expected an integer", "got \"x\""}},
      {"service", "workers", "\"4 workers\"", {"expected an integer", "got \"4 workers\""}},
      {"service", "workers", "true", {"expected an integer", "got true"}},
      {"service", "workers", "null", {"expected an integer", "got null"}},
      {"service", "workers", "[4]", {"expected an integer", "got array"}},
      {"service", "workers", "1e30", {"expected an integer"}},
      // real
      {"client", "rate", "\"fast\"", {"expected a number", "got \"fast\""}},
      {"client", "rate", "false", {"expected a number", "got false"}},
      {"client", "rate", "{}", {"expected a number", "got object"}},
      // duration
      {"client", "timeout", "\"5 parsecs\"", {"expected a duration such as", "got \"5 parsecs\""}},
      {"client", "timeout", "\"-5s\"", {"expected a duration", "\"-5s\""}},
      {"client", "timeout", "\"5 s s\"", {"expected a duration"}},
      {"client", "timeout", "true", {"expected a duration", "got true"}},
      // boolean
      {"queue", "durable", "\"yes\"", {"expected true or false", "got \"yes\""}},
      {"queue", "durable", "1", {"expected true or false", "got the number 1"}},
      {"queue", "durable", "null", {"expected true or false", "got null"}},
      // choice: the message lists every choice
      {"load_balancer", "policy", "\"fastest\"",
       {"expected one of \"round_robin\", \"weighted_round_robin\", \"random\", "
        "\"least_connections\", \"power_of_two\" or \"consistent_hash\"",
        "got \"fastest\""}},
      {"load_balancer", "policy", "\"Round_Robin\"", {"expected one of", "got \"Round_Robin\""}},
      {"client", "mode", "2", {"expected one of \"open\" or \"closed\"", "got the number 2"}},
      // distribution
      {"service", "service_time", "\"exp(\"", {"distribution", "\"exp(\""}},
      {"service", "service_time", "\"exp(-1s)\"",
       {"invalid distribution \"exp(-1s)\"", "exponential mean must be > 0", "-1"}},
      {"service", "service_time", "\"exp(0)\"", {"exponential mean must be > 0"}},
      {"service", "service_time", "\"bogus(1ms)\"", {"unknown distribution \"bogus\""}},
      {"service", "service_time", "\"uniform(5ms)\"", {"\"uniform\"", "2"}},
      {"service", "service_time", "\"uniform(5ms, 1ms)\"", {"uniform min must be <= max"}},
      {"service", "service_time", "\"lognormal(10ms, -1)\"", {"lognormal sigma must be >= 0"}},
      {"service", "service_time", "\"erlang(2.5, 1ms)\"", {"\"erlang\"", "whole number"}},
      {"service", "service_time", "\"empirical()\"", {"\"empirical\"", "at least 1"}},
      {"service", "service_time", "\"fast\"", {"distribution", "got \"fast\""}},
      {"service", "service_time", "true", {"duration distribution", "got true"}},
  };
  for (const ParamCase& c : cases) expectParamError(c);
}

TEST(ScenarioReaderParams, OutOfRangeValues) {
  const std::vector<ParamCase> cases = {
      {"service", "workers", "0", {"expected an integer from 1 to", "got 0"}},
      {"service", "workers", "1000001", {"expected an integer from 1 to", "got 1000001"}},
      {"service", "workers", "-3", {"expected an integer from 1 to", "got -3"}},
      {"service", "workers", "\"0\"", {"expected an integer from 1 to", "got 0"}},
      {"client", "retries", "101", {"from 0 to 100", "got 101"}},
      {"client", "amplitude", "1.5", {"expected a number from 0 to 1, got", "1.5"}},
      {"client", "amplitude", "-0.25", {"expected a number from 0 to 1, got", "-0.25"}},
      {"client", "zipf_exponent", "0", {"expected a number from 0.01 to 10, got"}},
      {"client", "period", "\"0.5ms\"", {">= 1ms", "got 500us"}},
      {"load_balancer", "health_check_timeout", "\"0s\"", {">= 1us", "got 0s"}},
      {"load_balancer", "virtual_nodes", "10001", {"got 10001"}},
  };
  for (const ParamCase& c : cases) expectParamError(c);
}

TEST(ScenarioReaderParams, IntegerRangesArePrintedAsIntegers) {
  // "from 1 to 1e+06" is what the C++ stream prints, not how people write a million; the
  // schema documents this very message as "expected an integer from 1 to 1000000, got 0".
  const Diagnostic d = onlyError(paramDoc("service", "workers", "0"));
  EXPECT_EQ(d.message, "expected an integer from 1 to 1000000, got 0") << d.format();
  const Diagnostic users = onlyError(paramDoc("client", "users", "0"));
  EXPECT_TRUE(contains(users.message, "from 1 to 10000000")) << users.format();
}

TEST(ScenarioReaderParams, NonIntegerNumberIsQuotedExactly) {
  // 1000000.5 is not an integer; saying "got the number 1e+06" would name a valid value.
  const Diagnostic d = onlyError(paramDoc("service", "workers", "1000000.5"));
  EXPECT_TRUE(contains(d.message, "got the number 1000000.5")) << d.format();
  const Diagnostic small = onlyError(paramDoc("service", "workers", "3.0000001"));
  EXPECT_TRUE(contains(small.message, "got the number 3.0000001")) << small.format();
}

TEST(ScenarioReaderParams, NumberGivenToADurationIsDescribedAsANumber) {
  // The user wrote the JSON number -1, not the string "-1".
  const Diagnostic d = onlyError(paramDoc("client", "timeout", "-1"));
  EXPECT_TRUE(contains(d.message, "expected a duration")) << d.format();
  EXPECT_TRUE(contains(d.message, "got the number -1")) << d.format();
}

TEST(ScenarioReaderParams, DurationDistributionsRejectNegativeAndAbsurdValues) {
  // A negative delay is silently clamped to 0 by the engine, and a delay of 1e300 s overflows
  // the nanosecond clock (network.cpp: arrival = departure + INT64_MAX, so the message arrives
  // at once); both must be refused, as the equivalent duration parameters refuse "-5ms" and
  // anything above 200 years.
  for (const char* json : {"\"-5ms\"", "-0.005", "\"uniform(-1s, 1s)\"", "\"empirical(-1ms, 2ms)\"",
                           "\"1e300\"", "\"exp(1e300s)\""}) {
    SCOPED_TRACE(json);
    const std::string text = paramDoc("service", "service_time", json);
    const ScenarioLoad load = read(text);
    EXPECT_FALSE(load.ok()) << "accepted service_time " << json;
    if (load.errors.size() == 1) {
      expectDiagnostic(load.errors[0], valueOf(text, "service_time"),
                       "$.components[0].params.service_time", {});
    }
  }
  // Normal distributions may dip below zero by design; the engine clamps those samples.
  EXPECT_TRUE(read(paramDoc("service", "service_time", "\"normal(10ms, 2ms)\"")).ok());
}

TEST(ScenarioReaderParams, ValuesMayBeWrittenAsStringsOrNumbers) {
  const std::string text = doc(
      "  \"components\": [\n"
      "    { \"id\": \"c\", \"kind\": \"client\", \"params\": {\n"
      "        \"rate\": \"12.5\", \"users\": \" 5 \", \"request_size\": \"1e3\", \"timeout\": 2.5,\n"
      "        \"think_time\": 0.005, \"backoff_max\": \"1m\", \"jitter\": \"equal\" } },\n"
      "    { \"id\": \"q\", \"kind\": \"queue\", \"params\": { \"durable\": \"true\", \"prefetch\": 8 } },\n"
      "    { \"id\": \"s\", \"kind\": \"service\", \"params\": { \"service_time\": \"lognormal(4ms, 0.6)\" } }\n"
      "  ],\n"
      "  \"links\": [ { \"from\": \"c\", \"to\": \"s\" } ]");
  const Scenario s = readOk(text);
  ASSERT_EQ(s.components.size(), 3u);
  const ParamSet& c = s.components[0].params;
  EXPECT_EQ(c.real("rate"), 12.5);
  EXPECT_EQ(c.integer("users"), 5);
  EXPECT_EQ(c.integer("request_size"), 1000);
  EXPECT_EQ(c.duration("timeout"), 2500 * kMillisecond);
  EXPECT_EQ(c.distribution("think_time"), Distribution::constant(0.005));
  EXPECT_EQ(c.duration("backoff_max"), kMinute);
  EXPECT_EQ(c.choice("jitter"), "equal");
  EXPECT_EQ(c.choice("mode"), "open");  // untouched parameters keep their defaults
  EXPECT_TRUE(s.components[1].params.boolean("durable"));
  EXPECT_EQ(s.components[1].params.integer("prefetch"), 8);
  EXPECT_EQ(paramText(s.components[2], "service_time"), "lognormal(4ms, 0.6)");
}

TEST(ScenarioReaderParams, ManyBadParametersInOneComponentAreAllReportedInOrder) {
  const std::string text = doc(
      "  \"components\": [\n"
      "    { \"id\": \"c\", \"kind\": \"client\", \"params\": {\n"
      "        \"rate\": \"fast\", \"jitter\": \"lots\", \"timeout\": \"5 parsecs\",\n"
      "        \"think_time\": \"exp(\", \"users\": \"x\", \"speed\": 3 } },\n"
      "    { \"id\": \"s\", \"kind\": \"service\" }\n"
      "  ],\n"
      "  \"links\": [ { \"from\": \"c\", \"to\": \"s\" } ]");
  const ScenarioLoad load = read(text);
  ASSERT_EQ(load.errors.size(), 6u) << formatDiagnostics(load.errors);
  const char* params[] = {"rate", "jitter", "timeout", "think_time", "users", "speed"};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(load.errors[i].path, "$.components[0].params." + std::string(params[i]));
    const SourceLocation at = valueOf(text, params[i]);
    EXPECT_EQ(load.errors[i].location.line, at.line);
    EXPECT_EQ(load.errors[i].location.column, at.column);
  }
}

// =============================================================================================
// Links

TEST(ScenarioReaderLinks, LinkToAMissingComponent) {
  const std::string text = twoServices("  \"links\": [ { \"from\": \"a\", \"to\": \"ghost\" } ]");
  expectDiagnostic(onlyError(text), valueOf(text, "to"), "$.links[0].to",
                   {"no component has the id \"ghost\""});
  const std::string both = twoServices("  \"links\": [ { \"from\": \"x\", \"to\": \"y\" } ]");
  const ScenarioLoad load = read(both);
  ASSERT_EQ(load.errors.size(), 2u) << formatDiagnostics(load.errors);
  expectDiagnostic(load.errors[0], valueOf(both, "from"), "$.links[0].from",
                   {"no component has the id \"x\""});
  expectDiagnostic(load.errors[1], valueOf(both, "to"), "$.links[0].to",
                   {"no component has the id \"y\""});
}

TEST(ScenarioReaderLinks, SelfLink) {
  const std::string text = twoServices("  \"links\": [ { \"from\": \"a\", \"to\": \"a\" } ]");
  expectDiagnostic(onlyError(text), locate(text, "{ \"from\": \"a\""), "$.links[0]",
                   {"cannot connect \"a\" to itself"});
}

TEST(ScenarioReaderLinks, DuplicateLinkInEitherDirection) {
  const std::string same = twoServices(
      "  \"links\": [\n"
      "    { \"from\": \"a\", \"to\": \"b\" },\n"
      "    { \"from\": \"a\", \"to\": \"b\", \"params\": { \"latency\": \"5ms\" } }\n"
      "  ]");
  expectDiagnostic(onlyError(same), locate(same, "{ \"from\"", 2), "$.links[1]",
                   {"\"a\" and \"b\" are already linked", "both ways"});
  const std::string reversed = twoServices(
      "  \"links\": [\n"
      "    { \"from\": \"a\", \"to\": \"b\" },\n"
      "    { \"from\": \"b\", \"to\": \"a\" }\n"
      "  ]");
  expectDiagnostic(onlyError(reversed), locate(reversed, "{ \"from\"", 2), "$.links[1]",
                   {"\"b\" and \"a\" are already linked", "both ways"});
}

TEST(ScenarioReaderLinks, LinkIds) {
  const Scenario s = readOk(doc(
      "  \"components\": [\n"
      "    { \"id\": \"a\", \"kind\": \"service\" },\n"
      "    { \"id\": \"b\", \"kind\": \"service\" },\n"
      "    { \"id\": \"c\", \"kind\": \"service\" }\n"
      "  ],\n"
      "  \"links\": [ { \"from\": \"a\", \"to\": \"b\" }, { \"id\": \"backbone\", \"from\": \"b\", \"to\": \"c\" } ]"));
  ASSERT_EQ(s.links.size(), 2u);
  EXPECT_EQ(s.links[0].id, "a->b");
  EXPECT_EQ(s.links[1].id, "backbone");
  EXPECT_EQ(s.links[1].from, "b");
  EXPECT_EQ(s.links[1].to, "c");

  const std::string dup = doc(
      "  \"components\": [\n"
      "    { \"id\": \"a\", \"kind\": \"service\" },\n"
      "    { \"id\": \"b\", \"kind\": \"service\" },\n"
      "    { \"id\": \"c\", \"kind\": \"service\" }\n"
      "  ],\n"
      "  \"links\": [\n"
      "    { \"from\": \"a\", \"to\": \"b\" },\n"
      "    { \"id\": \"a->b\", \"from\": \"b\", \"to\": \"c\" }\n"
      "  ]");
  expectDiagnostic(onlyError(dup), locate(dup, "{ \"id\": \"a->b\""), "$.links[1]",
                   {"duplicate link id \"a->b\""});

  const std::string spaced = twoServices(
      "  \"links\": [ { \"id\": \"the link\", \"from\": \"a\", \"to\": \"b\" } ]");
  expectDiagnostic(onlyError(spaced), valueOf(spaced, "id", 3), "$.links[0].id",
                   {"expected an id", "got \"the link\""});
}

TEST(ScenarioReaderLinks, LinkIdMustNotBeAComponentId) {
  // `--set web.latency=5ms` finds the component first, so a link with a component's id could
  // never be overridden; fault targets and results would be ambiguous the same way.
  const std::string text = twoServices(
      "  \"links\": [ { \"id\": \"b\", \"from\": \"a\", \"to\": \"b\" } ]");
  const ScenarioLoad load = read(text);
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u) << formatDiagnostics(load.errors);
  EXPECT_EQ(load.errors[0].path, "$.links[0].id") << load.errors[0].format();
  EXPECT_TRUE(contains(load.errors[0].message, "\"b\"")) << load.errors[0].format();
}

TEST(ScenarioReaderLinks, LinkFieldsAndParams) {
  const std::string unknown = twoServices(
      "  \"links\": [ { \"from\": \"a\", \"to\": \"b\", \"delay\": \"5ms\" } ]");
  expectDiagnostic(onlyError(unknown), valueOf(unknown, "delay"), "$.links[0].delay",
                   {"unknown field \"delay\"", "id", "from", "to", "params"});

  const std::string missing = twoServices("  \"links\": [ { \"from\": \"a\" } ]");
  expectDiagnostic(onlyError(missing), locate(missing, "{ \"from\": \"a\" }"), "$.links[0]",
                   {"missing required field \"to\""});

  const std::string notObject = twoServices("  \"links\": [ \"a->b\" ]");
  expectDiagnostic(onlyError(notObject), locate(notObject, "\"a->b\""), "$.links[0]",
                   {"expected an object describing one of the links"});

  const std::string param = twoServices(
      "  \"links\": [ { \"from\": \"a\", \"to\": \"b\", \"params\": { \"jitter\": \"1ms\" } } ]");
  expectDiagnostic(onlyError(param), valueOf(param, "jitter"), "$.links[0].params.jitter",
                   {"unknown parameter \"jitter\" for a link", "latency", "bandwidth_mbps", "loss",
                    "weight"});

  struct Case {
    const char* param;
    const char* json;
    const char* words;
  };
  const Case cases[] = {
      {"loss", "1.5", "expected a number from 0 to 1, got"},
      {"loss", "-0.1", "-0.1"},
      {"loss", "\"lots\"", "got \"lots\""},
      {"weight", "0", "got 0"},
      {"weight", "1.5", "got the number 1.5"},
      {"bandwidth_mbps", "-1", "-1"},
      {"latency", "\"5 parsecs\"", "\"5 parsecs\""},
      {"latency", "\"exp(-1s)\"", "exponential mean must be > 0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.param) + " = " + c.json);
    const std::string text = twoServices("  \"links\": [ { \"from\": \"a\", \"to\": \"b\", \"params\": { \"" +
                                         std::string(c.param) + "\": " + c.json + " } } ]");
    expectDiagnostic(onlyError(text), valueOf(text, c.param),
                     "$.links[0].params." + std::string(c.param), {c.words});
  }

  const Scenario s = readOk(twoServices(
      "  \"links\": [ { \"from\": \"a\", \"to\": \"b\", \"params\": { \"latency\": \"uniform(1ms, 3ms)\", "
      "\"bandwidth_mbps\": 100, \"loss\": 0.01, \"weight\": 3 } } ]"));
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_EQ(paramText(s.links[0], "latency"), "uniform(1ms, 3ms)");
  EXPECT_EQ(s.links[0].params.real("bandwidth_mbps"), 100.0);
  EXPECT_EQ(s.links[0].params.real("loss"), 0.01);
  EXPECT_EQ(s.links[0].params.integer("weight"), 3);
}

// =============================================================================================
// Groups

TEST(ScenarioReaderGroups, MissingMember) {
  const std::string text = twoServices(
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"members\": [\"a\", \"ghost\"] } ]");
  expectDiagnostic(onlyError(text), locate(text, "\"ghost\""), "$.groups[0].members[1]",
                   {"no component has the id \"ghost\""});
  const std::string number = twoServices(
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"members\": [\"a\", 7] } ]");
  expectDiagnostic(onlyError(number), locate(number, "7]"), "$.groups[0].members[1]",
                   {"expected a string", "got the number 7"});
  const std::string notArray = twoServices(
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"members\": \"a\" } ]");
  expectDiagnostic(onlyError(notArray), valueOf(notArray, "members"), "$.groups[0].members",
                   {"expected an array of component ids"});
}

TEST(ScenarioReaderGroups, MissingParent) {
  const std::string text = twoServices(
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"members\": [\"a\"], \"parent\": \"eu\" } ]");
  expectDiagnostic(onlyError(text), valueOf(text, "parent"), "$.groups[0].parent",
                   {"no group has the id \"eu\""});
  const std::string component = twoServices(
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"parent\": \"b\" } ]");
  expectDiagnostic(onlyError(component), valueOf(component, "parent"), "$.groups[0].parent",
                   {"no group has the id \"b\""});
}

TEST(ScenarioReaderGroups, Cycles) {
  const std::string self = twoServices(
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"parent\": \"z\" } ]");
  expectDiagnostic(onlyError(self), valueOf(self, "parent"), "$.groups[0].parent",
                   {"group \"z\" would contain itself"});

  const std::string three = twoServices(
      "  \"groups\": [\n"
      "    { \"id\": \"g1\", \"kind\": \"zone\", \"parent\": \"g2\" },\n"
      "    { \"id\": \"g2\", \"kind\": \"region\", \"parent\": \"g3\" },\n"
      "    { \"id\": \"g3\", \"kind\": \"region\", \"parent\": \"g1\" }\n"
      "  ]");
  const ScenarioLoad load = read(three);
  ASSERT_EQ(load.errors.size(), 3u) << formatDiagnostics(load.errors);
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string id = "g" + std::to_string(i + 1);
    expectDiagnostic(load.errors[i], valueOf(three, "parent", static_cast<int>(i) + 1),
                     "$.groups[" + std::to_string(i) + "].parent",
                     {"group \"" + id + "\" would contain itself"});
  }
}

TEST(ScenarioReaderGroups, BadKindUnknownFieldAndDuplicateId) {
  const std::string kind = twoServices("  \"groups\": [ { \"id\": \"r1\", \"kind\": \"rack\" } ]");
  expectDiagnostic(onlyError(kind), valueOf(kind, "kind", 3), "$.groups[0].kind",
                   {"expected \"zone\" or \"region\"", "got \"rack\""});
  const std::string field = twoServices(
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"color\": \"red\" } ]");
  expectDiagnostic(onlyError(field), valueOf(field, "color"), "$.groups[0].color",
                   {"unknown field \"color\"", "id", "kind", "label", "members", "parent"});
  const std::string dup = twoServices("  \"groups\": [ { \"id\": \"a\", \"kind\": \"zone\" } ]");
  expectDiagnostic(onlyError(dup), valueOf(dup, "id", 3), "$.groups[0].id",
                   {"duplicate id \"a\"", "components and groups share one namespace"});
  const std::string noKind = twoServices("  \"groups\": [ { \"id\": \"z\" } ]");
  expectDiagnostic(onlyError(noKind), locate(noKind, "{ \"id\": \"z\" }"), "$.groups[0]",
                   {"missing required field \"kind\""});
}

TEST(ScenarioReaderGroups, ParentsMayBeDeclaredAfterChildren) {
  const Scenario s = readOk(twoServices(
      "  \"groups\": [\n"
      "    { \"id\": \"za\", \"kind\": \"zone\", \"label\": \"Zone A\", \"members\": [\"a\"], \"parent\": \"eu\" },\n"
      "    { \"id\": \"zb\", \"kind\": \"zone\", \"members\": [\"b\"], \"parent\": \"eu\" },\n"
      "    { \"id\": \"eu\", \"kind\": \"region\", \"members\": [] }\n"
      "  ]"));
  ASSERT_EQ(s.groups.size(), 3u);
  EXPECT_EQ(s.groups[0].label, "Zone A");
  EXPECT_EQ(s.groups[0].parent, "eu");
  std::vector<std::string> members = s.groupMembers("eu");
  std::sort(members.begin(), members.end());
  EXPECT_EQ(members, (std::vector<std::string>{"a", "b"}));
}

// =============================================================================================
// Faults

TEST(ScenarioReaderFaults, UnknownAction) {
  const std::string text = twoServices(
      "  \"faults\": [ { \"at\": \"5s\", \"action\": \"explode\", \"target\": \"a\" } ]");
  expectDiagnostic(onlyError(text), valueOf(text, "action"), "$.faults[0].action",
                   {"expected \"crash\", \"restart\", \"cut\" or \"heal\"", "got \"explode\""});
}

TEST(ScenarioReaderFaults, MissingTargets) {
  const std::string component = twoServices(
      "  \"faults\": [ { \"at\": \"5s\", \"action\": \"crash\", \"target\": \"ghost\" } ]");
  expectDiagnostic(onlyError(component), valueOf(component, "target"), "$.faults[0].target",
                   {"no component or group has the id \"ghost\""});
  const std::string restart = twoServices(
      "  \"faults\": [ { \"at\": \"5s\", \"action\": \"restart\", \"target\": \"a->b\" } ]");
  expectDiagnostic(onlyError(restart), valueOf(restart, "target"), "$.faults[0].target",
                   {"no component or group has the id \"a->b\""});
  const std::string link = twoServices(
      "  \"links\": [ { \"from\": \"a\", \"to\": \"b\" } ],\n"
      "  \"faults\": [ { \"at\": \"5s\", \"action\": \"cut\", \"target\": \"b->a\" } ]");
  expectDiagnostic(onlyError(link), valueOf(link, "target"), "$.faults[0].target",
                   {"no link has the id \"b->a\"", "from->to"});
  const std::string heal = twoServices(
      "  \"links\": [ { \"from\": \"a\", \"to\": \"b\" } ],\n"
      "  \"faults\": [ { \"at\": \"5s\", \"action\": \"heal\", \"target\": \"a\" } ]");
  expectDiagnostic(onlyError(heal), valueOf(heal, "target"), "$.faults[0].target",
                   {"no link has the id \"a\""});
}

TEST(ScenarioReaderFaults, BadTimesAndFields) {
  for (const char* json : {"\"soon\"", "\"-5s\"", "-1", "true"}) {
    SCOPED_TRACE(json);
    const std::string text = twoServices("  \"faults\": [ { \"at\": " + std::string(json) +
                                         ", \"action\": \"crash\", \"target\": \"a\" } ]");
    expectDiagnostic(onlyError(text), valueOf(text, "at"), "$.faults[0].at",
                     {"expected a duration such as"});
  }
  const std::string missing = twoServices("  \"faults\": [ { \"action\": \"crash\", \"target\": \"a\" } ]");
  expectDiagnostic(onlyError(missing), locate(missing, "{ \"action\""), "$.faults[0]",
                   {"missing required field \"at\""});
  const std::string extra = twoServices(
      "  \"faults\": [ { \"at\": 1, \"action\": \"crash\", \"target\": \"a\", \"until\": 2 } ]");
  expectDiagnostic(onlyError(extra), valueOf(extra, "until"), "$.faults[0].until",
                   {"unknown field \"until\"", "at", "action", "target"});
  const std::string type = twoServices(
      "  \"faults\": [ { \"at\": 1, \"action\": \"crash\", \"target\": 5 } ]");
  expectDiagnostic(onlyError(type), valueOf(type, "target"), "$.faults[0].target",
                   {"expected a string", "got the number 5"});
}

TEST(ScenarioReaderFaults, TimelineIsSortedByTimeKeepingFileOrderForTies) {
  const Scenario s = readOk(twoServices(
      "  \"links\": [ { \"from\": \"a\", \"to\": \"b\" } ],\n"
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"members\": [\"a\", \"b\"] } ],\n"
      "  \"faults\": [\n"
      "    { \"at\": \"30s\", \"action\": \"restart\", \"target\": \"z\" },\n"
      "    { \"at\": \"10s\", \"action\": \"crash\", \"target\": \"z\" },\n"
      "    { \"at\": \"20s\", \"action\": \"heal\", \"target\": \"a->b\" },\n"
      "    { \"at\": 10, \"action\": \"cut\", \"target\": \"a->b\" }\n"
      "  ]"));
  ASSERT_EQ(s.faults.size(), 4u);
  EXPECT_EQ(s.faults[0].at, 10 * kSecond);
  EXPECT_EQ(s.faults[0].action, FaultAction::Crash);
  EXPECT_EQ(s.faults[0].target, "z");
  EXPECT_EQ(s.faults[1].at, 10 * kSecond);
  EXPECT_EQ(s.faults[1].action, FaultAction::Cut);
  EXPECT_EQ(s.faults[2].action, FaultAction::Heal);
  EXPECT_EQ(s.faults[2].at, 20 * kSecond);
  EXPECT_EQ(s.faults[3].action, FaultAction::Restart);
  EXPECT_EQ(s.faults[3].at, 30 * kSecond);
}

// =============================================================================================
// Wiring

TEST(ScenarioReaderWiring, ClientWithoutOutgoingLink) {
  const std::string text = doc(
      "  \"components\": [\n"
      "    { \"id\": \"users\", \"kind\": \"client\" },\n"
      "    { \"id\": \"app\", \"kind\": \"service\" }\n"
      "  ],\n"
      "  \"links\": [ { \"from\": \"app\", \"to\": \"users\" } ]");
  const Diagnostic d = onlyError(text);
  expectDiagnostic(d, locate(text, "{ \"id\": \"users\""), "$.components[0]",
                   {"client \"users\" has no outgoing link", "{\"from\": \"users\""});
}

TEST(ScenarioReaderWiring, LoadBalancerWithoutOutgoingLink) {
  const std::string text = doc(
      "  \"components\": [\n"
      "    { \"id\": \"app\", \"kind\": \"service\" },\n"
      "    { \"id\": \"lb\", \"kind\": \"load_balancer\" }\n"
      "  ]");
  expectDiagnostic(onlyError(text), locate(text, "{ \"id\": \"lb\""), "$.components[1]",
                   {"load_balancer \"lb\" has no outgoing link"});
}

TEST(ScenarioReaderWiring, PathCountsRejectedComponentsToo) {
  // The client is the second element of the array even though the first was refused.
  const std::string text = doc(
      "  \"components\": [\n"
      "    { \"id\": \"x\", \"kind\": \"mainframe\" },\n"
      "    { \"id\": \"users\", \"kind\": \"client\" }\n"
      "  ]");
  const ScenarioLoad load = read(text);
  ASSERT_EQ(load.errors.size(), 2u) << formatDiagnostics(load.errors);
  expectDiagnostic(load.errors[0], valueOf(text, "kind"), "$.components[0].kind",
                   {"unknown component kind \"mainframe\""});
  expectDiagnostic(load.errors[1], locate(text, "{ \"id\": \"users\""), "$.components[1]",
                   {"client \"users\" has no outgoing link"});
}

// =============================================================================================
// Several errors at once

TEST(ScenarioReaderMany, EveryErrorIsReportedInAStableOrder) {
  const std::string text = doc(
      "  \"colour\": \"blue\",\n"
      "  \"seed\": -3,\n"
      "  \"components\": [\n"
      "    { \"id\": \"users\", \"kind\": \"client\" },\n"
      "    { \"id\": \"app\", \"kind\": \"service\", \"params\": { \"workers\": 0 } },\n"
      "    { \"id\": \"app\", \"kind\": \"service\" }\n"
      "  ],\n"
      "  \"links\": [ { \"from\": \"users\", \"to\": \"ghost\" } ],\n"
      "  \"groups\": [ { \"id\": \"z\", \"kind\": \"rack\" } ],\n"
      "  \"faults\": [ { \"at\": \"1s\", \"action\": \"explode\", \"target\": \"app\" } ]");
  const ScenarioLoad load = read(text);
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 8u) << formatDiagnostics(load.errors);
  expectDiagnostic(load.errors[0], valueOf(text, "colour"), "$.colour", {"unknown field \"colour\""});
  expectDiagnostic(load.errors[1], valueOf(text, "seed"), "$.seed", {"non-negative integer"});
  expectDiagnostic(load.errors[2], valueOf(text, "workers"), "$.components[1].params.workers",
                   {"got 0"});
  expectDiagnostic(load.errors[3], valueOf(text, "id", 3), "$.components[2].id",
                   {"duplicate id \"app\""});
  expectDiagnostic(load.errors[4], valueOf(text, "to"), "$.links[0].to",
                   {"no component has the id \"ghost\""});
  expectDiagnostic(load.errors[5], valueOf(text, "kind", 4), "$.groups[0].kind", {"\"rack\""});
  expectDiagnostic(load.errors[6], valueOf(text, "action"), "$.faults[0].action",
                   {"\"explode\""});
  expectDiagnostic(load.errors[7], locate(text, "{ \"id\": \"users\""), "$.components[0]",
                   {"client \"users\" has no outgoing link"});
  expectPathsMatchLocations(text, load);
  // The same input always gives the same report.
  EXPECT_EQ(formatDiagnostics(read(text).errors), formatDiagnostics(load.errors));
}

TEST(ScenarioReaderMany, AFloodOfErrorsIsCappedNotFatal) {
  std::string body = "  \"components\": []";
  for (int i = 0; i < 80; ++i) body += ",\n  \"unknown" + std::to_string(i) + "\": " + std::to_string(i);
  const ScenarioLoad load = read(doc(body));
  EXPECT_FALSE(load.ok());
  ASSERT_GE(load.errors.size(), 50u);
  EXPECT_LE(load.errors.size(), 51u);  // 50, plus perhaps a "more errors" note
  for (std::size_t i = 0; i < 50; ++i) {
    EXPECT_EQ(load.errors[i].path, "$.unknown" + std::to_string(i));
  }
}

// =============================================================================================
// Files

TEST(ScenarioReaderFiles, ValidFixture) {
  const std::string path = testData("scenarios/minimal.json");
  const ScenarioLoad load = loadScenarioFile(path, builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  const Scenario& s = *load.scenario;
  EXPECT_EQ(s.name, "Minimal");
  EXPECT_EQ(s.duration, 30 * kSecond);
  ASSERT_EQ(s.components.size(), 2u);
  EXPECT_EQ(s.components[0].params.real("rate"), 50.0);
  EXPECT_EQ(s.components[1].params.integer("workers"), 4);
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_EQ(s.links[0].id, "users->app");
}

TEST(ScenarioReaderFiles, ByteOrderMarkIsSkipped) {
  const ScenarioLoad load = loadScenarioFile(testData("scenarios/bom.json"), builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  EXPECT_EQ(load.scenario->name, "Minimal");
}

TEST(ScenarioReaderFiles, MissingFile) {
  const std::string path = testData("scenarios/does-not-exist.json");
  const ScenarioLoad load = loadScenarioFile(path, builtinRegistry());
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u);
  const Diagnostic& d = load.errors[0];
  EXPECT_EQ(d.file, path);
  EXPECT_EQ(d.location.line, 0);
  EXPECT_EQ(d.path, "");
  EXPECT_TRUE(contains(d.message, "cannot open the file")) << d.format();
  EXPECT_EQ(d.format(), path + ": " + d.message);
}

TEST(ScenarioReaderFiles, DirectoryInsteadOfAFile) {
  const std::string path = testData("scenarios");
  const ScenarioLoad load = loadScenarioFile(path, builtinRegistry());
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].file, path);
  EXPECT_EQ(load.errors[0].path, "");
  EXPECT_TRUE(contains(load.errors[0].message, "folder")) << load.errors[0].format();
}

TEST(ScenarioReaderFiles, EmptyFile) {
  const std::string path = testData("scenarios/empty.json");
  const ScenarioLoad load = loadScenarioFile(path, builtinRegistry());
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u);
  expectDiagnostic(load.errors[0], {1, 1}, "", {"invalid JSON", "empty document"}, path);
}

TEST(ScenarioReaderFiles, BinaryGarbage) {
  const std::string path = testData("scenarios/garbage.bin");
  const ScenarioLoad load = loadScenarioFile(path, builtinRegistry());
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u);
  expectDiagnostic(load.errors[0], {1, 1}, "", {"invalid JSON"}, path);
}

TEST(ScenarioReaderFiles, FileNameInDiagnosticsIsThePathAsGiven) {
  const ScenarioLoad load = read("[]", "some/dir/odd name.json");
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].format(),
            "some/dir/odd name.json:1:1: $: expected a JSON object at the top of the file, got array");
  const ScenarioLoad unnamed = read("[]", "");
  ASSERT_EQ(unnamed.errors.size(), 1u);
  EXPECT_EQ(unnamed.errors[0].format().rfind("<input>:1:1: ", 0), 0u) << unnamed.errors[0].format();
}

// =============================================================================================
// Round trip through the writer

const char* const kRichScenario = R"json({
  "format": "pillars-scenario",
  "version": 1,
  "name": "Rich \"quoted\" scenario",
  "description": "Line one\nline two, caf\u00e9 \u2603",
  "seed": 1234567890123,
  "duration": "5m",
  "warmup": "12.5s",
  "metrics": { "interval": "250ms" },
  "components": [
    { "id": "users", "kind": "client", "params": {
        "mode": "closed", "users": 25, "think_time": "erlang(3, 300ms)", "timeout": "1.5s",
        "retries": 2, "jitter": "none", "key_distribution": "zipf", "zipf_exponent": 0.9,
        "keys": 123456, "request_size": 0, "rate": 0.1, "amplitude": 0.3333333333333333,
        "on_time": "gamma(2.5, 3s)", "off_time": "pareto(1ms, 1.5)", "period": "1h",
        "spike_at": "90s", "spike_duration": "0s", "spike_multiplier": 1e-3 },
      "position": [0.1, -250] },
    { "id": "lb", "kind": "load_balancer", "params": { "policy": "consistent_hash",
        "virtual_nodes": 7, "health_check_interval": 0, "health_check_timeout": "1us" } },
    { "id": "web.1", "kind": "service", "params": { "workers": 16,
        "service_time": "empirical(1ms: 0.5, 5ms: 0.25, 20ms: 0.25)", "queue_capacity": 100,
        "downstream_calls": "parallel", "downstream_timeout": "750ms", "response_size": 4096 } },
    { "id": "web2", "kind": "service", "params": { "service_time": "normal(10ms, 2ms)" } },
    { "id": "cache", "kind": "cache", "params": { "capacity": 0, "hit_time": "uniform(100us, 300us)" } },
    { "id": "db", "kind": "service", "params": { "service_time": "lognormal(12ms, 0.5)" } },
    { "id": "mq", "kind": "queue", "params": { "durable": true, "capacity": 1000000000000,
        "prefetch": 10, "ack_timeout": "0s", "max_redeliveries": 0, "ack_size": 1 } }
  ],
  "links": [
    { "from": "users", "to": "lb", "params": { "latency": "exp(25ms)", "loss": 0.001 } },
    { "id": "primary", "from": "lb", "to": "web.1", "params": { "weight": 3, "bandwidth_mbps": 1000 } },
    { "from": "lb", "to": "web2" },
    { "from": "web.1", "to": "cache", "params": { "latency": "zipf(10, 1.1)" } },
    { "from": "web2", "to": "cache" },
    { "from": "cache", "to": "db", "params": { "latency": "const(3ms)" } },
    { "from": "web2", "to": "mq" }
  ],
  "groups": [
    { "id": "zone-a", "kind": "zone", "label": "Zone A", "members": ["lb", "web.1"], "parent": "eu" },
    { "id": "zone-b", "kind": "zone", "members": ["web2", "cache", "db"], "parent": "eu" },
    { "id": "eu", "kind": "region", "label": "eu-west", "members": ["mq"] }
  ],
  "faults": [
    { "at": "2m", "action": "restart", "target": "zone-a" },
    { "at": "60s", "action": "crash", "target": "zone-a" },
    { "at": "90.000000001s", "action": "cut", "target": "primary" },
    { "at": "100s", "action": "heal", "target": "primary" },
    { "at": "60s", "action": "crash", "target": "db" }
  ]
})json";

TEST(ScenarioReaderRoundTrip, RichScenario) {
  const Scenario s = readOk(kRichScenario);
  ASSERT_EQ(s.components.size(), 7u);
  EXPECT_EQ(s.name, "Rich \"quoted\" scenario");
  EXPECT_EQ(s.description, "Line one\nline two, caf\xC3\xA9 \xE2\x98\x83");
  EXPECT_EQ(s.warmup, 12500 * kMillisecond);
  EXPECT_EQ(s.metricsInterval, 250 * kMillisecond);
  EXPECT_EQ(paramText(s.components[0], "think_time"), "erlang(3, 300ms)");
  EXPECT_EQ(s.faults.at(0).target, "zone-a");  // 60s crash zone-a comes before 60s crash db
  EXPECT_EQ(s.faults.at(1).target, "db");
  EXPECT_EQ(s.faults.at(2).at, 90 * kSecond + 1);
  expectRoundTrip(s);
}

TEST(ScenarioReaderRoundTrip, MinimalScenarioWritesDefaultsOnlyWhereNeeded) {
  const Scenario s = readOk(doc("  \"components\": []"));
  const std::string text = writeScenarioJson(s);
  EXPECT_TRUE(contains(text, "\"format\": \"pillars-scenario\"")) << text;
  EXPECT_TRUE(contains(text, "\"version\": 1")) << text;
  EXPECT_FALSE(contains(text, "params")) << text;
  expectRoundTrip(s);
}

TEST(ScenarioReaderRoundTrip, BuiltInCode) {
  Scenario s = ScenarioBuilder("built")
                   .component("c", "client", {{"rate", "250"}, {"arrival", "spike"}})
                   .component("s", "service", {{"workers", "3"}, {"service_time", "5ms"}})
                   .link("c", "s", {{"latency", "normal(2ms, 500us)"}})
                   .group("z", "zone", {"s"})
                   .fault(3 * kSecond, FaultAction::Crash, "z")
                   .seed(0)
                   .duration(7 * kSecond)
                   .metricsInterval(0)
                   .build();
  expectRoundTrip(s);
}

TEST(ScenarioReaderRoundTrip, Seeds) {
  for (const std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{1} << 53, (std::uint64_t{1} << 53) + 1,
                                   (std::uint64_t{1} << 63) - 1}) {
    SCOPED_TRACE(seed);
    expectRoundTrip(ScenarioBuilder("seeded").seed(seed).build());
  }
}

TEST(ScenarioReaderRoundTrip, SeedsAreLimitedToWhatAJsonIntegerHoldsExactly) {
  // Seeds run from 0 to 2^63 - 1: the largest round-trips, larger ones are refused in files
  // and in code alike rather than silently changed.
  expectRoundTrip(ScenarioBuilder("seeded").seed(std::uint64_t{9223372036854775807ull}).build());
  EXPECT_THROW(ScenarioBuilder("seeded").seed(std::uint64_t{1} << 63), std::invalid_argument);
  const ScenarioLoad load = read(doc("  \"seed\": 9223372036854775808,\n  \"components\": []"));
  ASSERT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u) << formatDiagnostics(load.errors);
  EXPECT_EQ(load.errors[0].path, "$.seed");
  EXPECT_TRUE(contains(load.errors[0].message, "up to 9223372036854775807")) << load.errors[0].format();
}

TEST(ScenarioReaderRoundTrip, ShippedExamples) {
  const std::filesystem::path dir = std::filesystem::path(PILLARS_SOURCE_DIR) / "resources" / "examples";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) GTEST_SKIP() << "no " << dir;
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().string());
    const ScenarioLoad load = loadScenarioFile(entry.path().string(), builtinRegistry());
    ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
    expectRoundTrip(*load.scenario);
    ++count;
  }
  EXPECT_GT(count, 0);
}

// =============================================================================================
// --set ID.PARAM=VALUE

const char* const kOverrideScenario = R"json({
  "format": "pillars-scenario", "version": 1, "duration": "10s",
  "components": [
    { "id": "users", "kind": "client" },
    { "id": "web.1", "kind": "service", "params": { "workers": 2 } }
  ],
  "links": [ { "from": "users", "to": "web.1" } ]
})json";

TEST(ScenarioOverrides, Success) {
  Scenario s = readOk(kOverrideScenario);
  ASSERT_EQ(s.components.size(), 2u);
  EXPECT_EQ(applyOverride(s, "web.1.workers=16"), "");
  EXPECT_EQ(s.components[1].params.integer("workers"), 16);
  EXPECT_EQ(applyOverride(s, "users.mode=closed"), "");
  EXPECT_EQ(s.components[0].params.choice("mode"), "closed");
  EXPECT_EQ(applyOverride(s, "users.think_time=exp(250ms)"), "");
  EXPECT_EQ(paramText(s.components[0], "think_time"), "exp(250ms)");
  EXPECT_EQ(applyOverride(s, "users.timeout=1.5s"), "");
  EXPECT_EQ(s.components[0].params.duration("timeout"), 1500 * kMillisecond);
  EXPECT_EQ(applyOverride(s, "users->web.1.latency=uniform(1ms, 2ms)"), "");
  EXPECT_EQ(paramText(s.links[0], "latency"), "uniform(1ms, 2ms)");
  EXPECT_EQ(applyOverride(s, "users->web.1.loss=0.5"), "");
  EXPECT_EQ(s.links[0].params.real("loss"), 0.5);
}

TEST(ScenarioOverrides, Failures) {
  Scenario s = readOk(kOverrideScenario);
  EXPECT_EQ(applyOverride(s, "web.1.workers"), "expected ID.PARAM=VALUE, got \"web.1.workers\"");
  EXPECT_EQ(applyOverride(s, "workers=4"), "expected ID.PARAM=VALUE, got \"workers=4\"");
  EXPECT_EQ(applyOverride(s, ".workers=4"), "expected ID.PARAM=VALUE, got \".workers=4\"");
  EXPECT_EQ(applyOverride(s, "web.1.=4"), "expected ID.PARAM=VALUE, got \"web.1.=4\"");
  EXPECT_EQ(applyOverride(s, ""), "expected ID.PARAM=VALUE, got \"\"");
  EXPECT_EQ(applyOverride(s, "db.workers=4"), "no component or link has the id \"db\"");

  const std::string unknown = applyOverride(s, "web.1.threads=4");
  EXPECT_TRUE(contains(unknown, "component \"web.1\" has no parameter \"threads\"")) << unknown;
  EXPECT_TRUE(contains(unknown, "(it has: workers, queue_capacity, service_time, downstream_calls, "
                                "downstream_timeout, response_size, "))
      << unknown;
  const std::string linkUnknown = applyOverride(s, "users->web.1.delay=5ms");
  EXPECT_TRUE(contains(linkUnknown, "link \"users->web.1\" has no parameter \"delay\"")) << linkUnknown;
  EXPECT_TRUE(contains(linkUnknown, "latency, bandwidth_mbps, loss, weight")) << linkUnknown;

  const std::string bad = applyOverride(s, "web.1.workers=lots");
  EXPECT_TRUE(contains(bad, "component \"web.1\".workers: expected an integer")) << bad;
  EXPECT_TRUE(contains(bad, "got \"lots\"")) << bad;
  const std::string range = applyOverride(s, "web.1.workers=0");
  EXPECT_TRUE(contains(range, "expected an integer from 1 to")) << range;
  EXPECT_TRUE(contains(range, "got 0")) << range;
  const std::string empty = applyOverride(s, "users.mode=");
  EXPECT_TRUE(contains(empty, "expected one of \"open\" or \"closed\", got \"\"")) << empty;
  const std::string dist = applyOverride(s, "users->web.1.latency=exp(-1s)");
  EXPECT_TRUE(contains(dist, "link \"users->web.1\".latency: ")) << dist;
  EXPECT_TRUE(contains(dist, "exponential mean must be > 0")) << dist;
  const std::string loss = applyOverride(s, "users->web.1.loss=1.5");
  EXPECT_TRUE(contains(loss, "expected a number from 0 to 1, got 1.5")) << loss;

  // Failed overrides change nothing.
  EXPECT_EQ(s.components[1].params.integer("workers"), 2);
  EXPECT_EQ(s.components[0].params.choice("mode"), "open");
  EXPECT_EQ(paramText(s.links[0], "latency"), "1ms");
  EXPECT_EQ(s.links[0].params.real("loss"), 0.0);
}

// =============================================================================================
// Robustness: no input may crash the reader

std::string mutate(std::string text, std::mt19937_64& rng) {
  static const std::string kInteresting = "{}[]\":,\\-.0123456789eE \n\ttrufalsn/*";
  const auto below = [&rng](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
  const std::size_t edits = 1 + below(4);
  for (std::size_t e = 0; e < edits; ++e) {
    const std::size_t at = below(text.size() + 1);
    switch (rng() % 7) {
      case 0:  // flip one byte to anything
        if (at < text.size()) text[at] = static_cast<char>(rng() & 0xFF);
        break;
      case 1:  // flip one byte to something JSON cares about
        if (at < text.size()) text[at] = kInteresting[below(kInteresting.size())];
        break;
      case 2:  // delete a byte
        if (at < text.size()) text.erase(at, 1);
        break;
      case 3:  // delete a run
        if (at < text.size()) text.erase(at, 1 + below(40));
        break;
      case 4:  // insert a byte
        text.insert(at, 1, static_cast<char>(rng() & 0xFF));
        break;
      case 5:  // insert a structural character
        text.insert(at, 1, kInteresting[below(kInteresting.size())]);
        break;
      default: {  // duplicate a run elsewhere
        const std::size_t from = below(text.size());
        const std::string run = text.substr(from, 1 + below(60));
        text.insert(at, run);
        break;
      }
    }
  }
  return text;
}

TEST(ScenarioReaderRobustness, MutatedScenariosNeverCrash) {
  std::mt19937_64 rng(20240611);
  const std::string base = kRichScenario;
  int valid = 0;
  int invalid = 0;
  for (int i = 0; i < 6000; ++i) {
    const std::string text = mutate(base, rng);
    ScenarioLoad load;
    try {
      load = read(text, "fuzz.json");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "readScenario threw " << e.what() << " for:\n" << text;
      continue;
    }
    if (load.ok()) {
      ++valid;
      ASSERT_TRUE(load.errors.empty()) << formatDiagnostics(load.errors);
      // Whatever the reader accepts, the writer must write in a form the reader accepts again.
      const std::string written = writeScenarioJson(*load.scenario);
      const ScenarioLoad again = read(written, "rewritten.json");
      ASSERT_TRUE(again.ok()) << formatDiagnostics(again.errors) << "for mutated input:\n"
                              << text << "\nwritten as:\n"
                              << written;
      EXPECT_EQ(writeScenarioJson(*again.scenario), written);
      continue;
    }
    ++invalid;
    ASSERT_FALSE(load.errors.empty()) << "rejected without a reason:\n" << text;
    ASSERT_LE(load.errors.size(), 51u);
    for (const Diagnostic& d : load.errors) {
      ASSERT_FALSE(d.message.empty()) << "empty message for:\n" << text;
      ASSERT_EQ(d.file, "fuzz.json");
      ASSERT_GE(d.location.line, 1) << d.format();
      ASSERT_GE(d.location.column, 1) << d.format();
      ASSERT_TRUE(d.path.empty() || d.path.front() == '$') << d.format();
    }
    expectPathsMatchLocations(text, load);
    if (HasFailure()) return;
  }
  // Both outcomes must be exercised for the test to mean anything.
  EXPECT_GT(valid, 100);
  EXPECT_GT(invalid, 1000);
}

/// Values that scenario fields get wrong: ids that exist and ones that don't, bad durations,
/// numbers at the edges, every JSON type.
std::vector<JsonValue> valuePool(const JsonValue& document) {
  std::vector<JsonValue> pool;
  for (const char* text :
       {"", "web.1", "web2", "users", "lb", "db", "mq", "zone-a", "eu", "primary", "users->lb",
        "ghost", "a b", "client", "service", "load_balancer", "queue", "cache", "zone", "region",
        "crash", "restart", "cut", "heal", "closed", "parallel", "exp(", "exp(-1s)", "5 parsecs",
        "-5ms", "0s", "1ns", "1e300", "200y", "90s", "true", "pillars-scenario", "\xC3\xA9"}) {
    pool.push_back(JsonValue::string(text));
  }
  for (const double n : {0.0, -1.0, 1.0, 2.5, 0.5, 1e300, 1e-300, 1e19, -0.0, 6e9, 1e15}) {
    pool.push_back(JsonValue::number(n));
  }
  for (const std::int64_t n : {std::int64_t{0}, std::int64_t{1}, std::int64_t{2}, std::int64_t{-7},
                               std::numeric_limits<std::int64_t>::max(),
                               std::numeric_limits<std::int64_t>::min()}) {
    pool.push_back(JsonValue::integer(n));
  }
  pool.push_back(JsonValue::boolean(true));
  pool.push_back(JsonValue::boolean(false));
  pool.push_back(JsonValue::null());
  pool.push_back(JsonValue::array());
  pool.push_back(JsonValue::object());
  JsonValue pair = JsonValue::array();
  pair.push(JsonValue::integer(1));
  pair.push(JsonValue::integer(2));
  pool.push_back(pair);
  // Pieces of the document itself, so that whole components, links and faults move around.
  std::vector<const JsonValue*> stack{&document};
  while (!stack.empty()) {
    const JsonValue* v = stack.back();
    stack.pop_back();
    if (v != &document && (v->isObject() || v->isArray())) pool.push_back(*v);
    for (const auto& item : v->items()) stack.push_back(&item);
    for (const auto& member : v->members()) stack.push_back(&member.second);
  }
  return pool;
}

const char* const kKeyPool[] = {"id",      "kind",   "params",  "position", "from",   "to",
                                "members", "parent", "label",   "at",       "action", "target",
                                "workers", "rate",   "latency", "loss",     "format", "version",
                                "seed",    "bogus",  "my key",  ""};

std::size_t countNodes(const JsonValue& v) {
  std::size_t n = 1;
  for (const auto& item : v.items()) n += countNodes(item);
  for (const auto& member : v.members()) n += countNodes(member.second);
  return n;
}

/// Copies `v`, editing the node whose pre-order number is `target`.
JsonValue editTree(const JsonValue& v, std::size_t& counter, std::size_t target,
                   std::mt19937_64& rng, const std::vector<JsonValue>& pool) {
  const std::size_t me = counter++;
  if (me == target) {
    const auto pick = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const std::size_t choice = pick(5);
    if (choice == 1 && v.isObject() && !v.members().empty()) {  // drop a member
      const std::size_t drop = pick(v.members().size());
      JsonValue out = JsonValue::object();
      for (std::size_t i = 0; i < v.members().size(); ++i) {
        if (i != drop) out.set(v.members()[i].first, v.members()[i].second);
      }
      return out;
    }
    if (choice == 2 && v.isObject()) {  // add or overwrite a member
      JsonValue out = v;
      out.set(kKeyPool[pick(std::size(kKeyPool))], pool[pick(pool.size())]);
      return out;
    }
    if (choice == 3 && v.isArray() && !v.items().empty()) {  // drop or repeat an item
      const std::size_t at = pick(v.items().size());
      const bool repeat = (rng() & 1) != 0;
      JsonValue out = JsonValue::array();
      for (std::size_t i = 0; i < v.items().size(); ++i) {
        if (i != at || repeat) out.push(v.items()[i]);
        if (i == at && repeat) out.push(v.items()[i]);
      }
      return out;
    }
    return pool[pick(pool.size())];  // replace the node
  }
  if (v.isArray()) {
    JsonValue out = JsonValue::array();
    for (const auto& item : v.items()) out.push(editTree(item, counter, target, rng, pool));
    return out;
  }
  if (v.isObject()) {
    JsonValue out = JsonValue::object();
    for (const auto& [key, value] : v.members()) out.set(key, editTree(value, counter, target, rng, pool));
    return out;
  }
  return v;
}

TEST(ScenarioReaderRobustness, StructurallyMutatedScenariosGetPreciseDiagnostics) {
  auto parsed = parseJson(kRichScenario);
  ASSERT_TRUE(std::holds_alternative<JsonValue>(parsed));
  const JsonValue base = std::get<JsonValue>(parsed);
  const std::vector<JsonValue> pool = valuePool(base);
  std::mt19937_64 rng(424242);
  int valid = 0;
  int invalid = 0;
  for (int i = 0; i < 4000; ++i) {
    JsonValue tree = base;
    const std::size_t edits = 1 + static_cast<std::size_t>(rng() % 3);
    for (std::size_t e = 0; e < edits; ++e) {
      std::size_t counter = 0;
      const std::size_t target = static_cast<std::size_t>(rng() % countNodes(tree));
      tree = editTree(tree, counter, target, rng, pool);
    }
    const std::string text = writeJson(tree);
    ScenarioLoad load;
    try {
      load = read(text, "tree.json");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "readScenario threw " << e.what() << " for:\n" << text;
      continue;
    }
    if (load.ok()) {
      ++valid;
      const std::string written = writeScenarioJson(*load.scenario);
      const ScenarioLoad again = read(written, "rewritten.json");
      ASSERT_TRUE(again.ok()) << formatDiagnostics(again.errors) << "for mutated input:\n"
                              << text << "\nwritten as:\n"
                              << written;
      expectSameScenario(*load.scenario, *again.scenario);
      if (HasFailure()) return;
      continue;
    }
    ++invalid;
    ASSERT_FALSE(load.errors.empty()) << "rejected without a reason:\n" << text;
    for (const Diagnostic& d : load.errors) {
      ASSERT_FALSE(d.message.empty()) << "empty message for:\n" << text;
      ASSERT_EQ(d.file, "tree.json");
      ASSERT_GE(d.location.line, 1) << d.format();
      ASSERT_FALSE(d.path.empty()) << "valid JSON, yet no path: " << d.format();
    }
    expectPathsMatchLocations(text, load);
    if (HasFailure()) return;
  }
  EXPECT_GT(valid, 50);
  EXPECT_GT(invalid, 1000);
}

TEST(ScenarioReaderRobustness, RandomBytesNeverCrash) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string text(static_cast<std::size_t>(rng() % 300), '\0');
    for (char& c : text) c = static_cast<char>(rng() & 0xFF);
    if (i % 2 == 0 && !text.empty()) text[0] = '{';
    const ScenarioLoad load = read(text, "noise.json");
    ASSERT_FALSE(load.ok());
    ASSERT_FALSE(load.errors.empty());
    for (const Diagnostic& d : load.errors) ASSERT_FALSE(d.message.empty());
  }
}

}  // namespace
}  // namespace pillars
