#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <variant>

#include "engine/io/json.hpp"
#include "engine/io/json_writer.hpp"

namespace pillars {
namespace {

JsonValue parseOk(std::string_view text) {
  auto result = parseJson(text);
  if (const auto* error = std::get_if<JsonError>(&result)) {
    ADD_FAILURE() << "unexpected error " << error->location.line << ":" << error->location.column
                  << " " << error->message << " for input: " << text;
    return JsonValue();
  }
  return std::get<JsonValue>(std::move(result));
}

JsonError parseError(std::string_view text) {
  auto result = parseJson(text);
  if (const auto* error = std::get_if<JsonError>(&result)) return *error;
  ADD_FAILURE() << "expected a parse error for input: " << text;
  return JsonError{};
}

std::uint64_t bits(double value) { return std::bit_cast<std::uint64_t>(value); }

// ---------------------------------------------------------------------------------------------
// Valid documents

TEST(JsonParse, EveryTypeAndMemberOrder) {
  const JsonValue doc = parseOk(R"({
  "z": null,
  "b": true,
  "f": false,
  "n": -12.5e1,
  "s": "hi",
  "a": [1, "two", [], {}],
  "o": {"k": 1}
})");
  ASSERT_TRUE(doc.isObject());
  EXPECT_STREQ(doc.typeName(), "object");
  ASSERT_EQ(doc.members().size(), 7u);
  const char* expectedOrder[] = {"z", "b", "f", "n", "s", "a", "o"};
  for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(doc.members()[i].first, expectedOrder[i]);

  ASSERT_NE(doc.find("z"), nullptr);
  EXPECT_TRUE(doc.find("z")->isNull());
  EXPECT_STREQ(doc.find("z")->typeName(), "null");
  EXPECT_TRUE(doc.find("b")->isBool());
  EXPECT_TRUE(doc.find("b")->asBool());
  EXPECT_STREQ(doc.find("b")->typeName(), "boolean");
  EXPECT_FALSE(doc.find("f")->asBool());
  EXPECT_TRUE(doc.find("n")->isNumber());
  EXPECT_EQ(doc.find("n")->asNumber(), -125.0);
  EXPECT_STREQ(doc.find("n")->typeName(), "number");
  EXPECT_TRUE(doc.find("s")->isString());
  EXPECT_EQ(doc.find("s")->asString(), "hi");
  EXPECT_STREQ(doc.find("s")->typeName(), "string");
  const JsonValue* array = doc.find("a");
  ASSERT_TRUE(array->isArray());
  EXPECT_STREQ(array->typeName(), "array");
  ASSERT_EQ(array->items().size(), 4u);
  EXPECT_EQ(array->items()[0].asInt64(), 1);
  EXPECT_EQ(array->items()[1].asString(), "two");
  EXPECT_TRUE(array->items()[2].isArray());
  EXPECT_TRUE(array->items()[2].items().empty());
  EXPECT_TRUE(array->items()[3].isObject());
  EXPECT_TRUE(array->items()[3].members().empty());
  EXPECT_EQ(doc.find("o")->find("k")->asInt64(), 1);
  EXPECT_EQ(doc.find("missing"), nullptr);
}

TEST(JsonParse, ScalarDocumentsAndWhitespace) {
  EXPECT_TRUE(parseOk("null").isNull());
  EXPECT_TRUE(parseOk(" \t\r\n true \n").asBool());
  EXPECT_EQ(parseOk("\"x\"").asString(), "x");
  EXPECT_EQ(parseOk("0").asInt64(), 0);
  EXPECT_EQ(parseOk("-7").asInt64(), -7);
  EXPECT_TRUE(parseOk("-7").holdsInt64());
  EXPECT_EQ(parseOk("1E+2").asNumber(), 100.0);
  EXPECT_EQ(parseOk("1e-2").asNumber(), 0.01);
}

TEST(JsonParse, ValueLocations) {
  const JsonValue doc = parseOk("{\n  \"a\": [10,\n     \"\xC3\xA9\", 30]\n}");
  EXPECT_EQ(doc.location().line, 1);
  EXPECT_EQ(doc.location().column, 1);
  const JsonValue* a = doc.find("a");
  EXPECT_EQ(a->location().line, 2);
  EXPECT_EQ(a->location().column, 8);
  EXPECT_EQ(a->items()[0].location().line, 2);
  EXPECT_EQ(a->items()[0].location().column, 9);
  EXPECT_EQ(a->items()[1].location().line, 3);
  EXPECT_EQ(a->items()[1].location().column, 6);
  // "é" is two bytes but one column.
  EXPECT_EQ(a->items()[2].location().column, 11);
}

TEST(JsonParse, Int64LimitsAreExact) {
  const JsonValue max = parseOk("9223372036854775807");
  EXPECT_TRUE(max.isInteger());
  EXPECT_TRUE(max.holdsInt64());
  EXPECT_EQ(max.asInt64(), std::numeric_limits<std::int64_t>::max());
  const JsonValue min = parseOk("-9223372036854775808");
  EXPECT_TRUE(min.isInteger());
  EXPECT_EQ(min.asInt64(), std::numeric_limits<std::int64_t>::min());
  // 2^53 + 1 is not representable as a double: only an exact integer path keeps it.
  EXPECT_EQ(parseOk("9007199254740993").asInt64(), 9007199254740993LL);
  EXPECT_EQ(parseOk("[-9007199254740993]").items()[0].asInt64(), -9007199254740993LL);

  const JsonValue above = parseOk("9223372036854775808");
  EXPECT_TRUE(above.isNumber());
  EXPECT_FALSE(above.holdsInt64());
  EXPECT_FALSE(above.isInteger());
  EXPECT_EQ(above.asNumber(), 9223372036854775808.0);
  EXPECT_EQ(above.asInt64(), std::numeric_limits<std::int64_t>::max());  // saturated
  EXPECT_FALSE(parseOk("123456789012345678901234567890").isInteger());
}

TEST(JsonParse, IsIntegerSemantics) {
  EXPECT_TRUE(parseOk("1.0").isInteger());
  EXPECT_EQ(parseOk("1.0").asInt64(), 1);
  EXPECT_TRUE(parseOk("1e3").isInteger());
  EXPECT_EQ(parseOk("1e3").asInt64(), 1000);
  EXPECT_FALSE(parseOk("1.5").isInteger());
  EXPECT_EQ(parseOk("1.5").asInt64(), 1);
  EXPECT_EQ(parseOk("-1.5").asInt64(), -1);
  EXPECT_FALSE(parseOk("1e300").isInteger());
  EXPECT_FALSE(parseOk("\"1\"").isInteger());
  const JsonValue negativeZero = parseOk("-0");
  EXPECT_TRUE(negativeZero.isInteger());
  EXPECT_EQ(negativeZero.asInt64(), 0);
  EXPECT_TRUE(std::signbit(negativeZero.asNumber()));
}

TEST(JsonParse, UnderflowBecomesZeroOverflowIsAnError) {
  EXPECT_EQ(bits(parseOk("1e-400").asNumber()), bits(0.0));
  EXPECT_EQ(bits(parseOk("-1e-400").asNumber()), bits(-0.0));
  EXPECT_EQ(bits(parseOk("0.000001e-320").asNumber()), bits(0.0));
  EXPECT_EQ(parseOk("0e99999999999999999999").asNumber(), 0.0);
  EXPECT_EQ(parseOk("4.9406564584124654e-324").asNumber(), 5e-324);

  JsonError error = parseError("[1e309]");
  EXPECT_EQ(error.message, "number \"1e309\" is out of range");
  EXPECT_EQ(error.location.column, 2);
  EXPECT_EQ(parseError("-1e400").message, "number \"-1e400\" is out of range");
  EXPECT_EQ(parseError("1234567890e99999999999999999").message,
            "number \"1234567890e99999999999999999\" is out of range");
  EXPECT_EQ(parseError("0.0000001e316").message, "number \"0.0000001e316\" is out of range");
}

// ---------------------------------------------------------------------------------------------
// Strings

TEST(JsonParse, SimpleEscapes) {
  EXPECT_EQ(parseOk(R"("a\"b\\c\/d\be\ff\ng\rh\ti")").asString(),
            "a\"b\\c/d\be\ff\ng\rh\ti");
}

TEST(JsonParse, UnicodeEscapesAndSurrogatePairs) {
  EXPECT_EQ(parseOk(R"("\u0041\u00e9\u20AC")").asString(), "A\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(parseOk(R"("\uD83D\uDE00")").asString(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(parseOk(R"("\uDBFF\uDFFF")").asString(), "\xF4\x8F\xBF\xBF");
  const std::string withNul = parseOk(R"("a\u0000b")").asString();
  ASSERT_EQ(withNul.size(), 3u);
  EXPECT_EQ(withNul[1], '\0');
  // Raw (unescaped) UTF-8 passes through untouched.
  EXPECT_EQ(parseOk("\"\xF0\x9F\x98\x80 \xE2\x82\xAC\"").asString(),
            "\xF0\x9F\x98\x80 \xE2\x82\xAC");
  EXPECT_EQ(parseOk("\"\x7F\"").asString(), "\x7F");  // DEL is not a control character in JSON
}

TEST(JsonParse, LoneSurrogatesAreErrors) {
  JsonError error = parseError(R"(["ab\uD800"])");
  EXPECT_EQ(error.message, "unpaired surrogate \\uD800 in string");
  EXPECT_EQ(error.location.column, 5);
  EXPECT_EQ(parseError(R"("\uD800\u0041")").message, "unpaired surrogate \\uD800 in string");
  EXPECT_EQ(parseError(R"("\uD800\uD800")").message, "unpaired surrogate \\uD800 in string");
  EXPECT_EQ(parseError(R"("\uD800x")").message, "unpaired surrogate \\uD800 in string");
  EXPECT_EQ(parseError(R"("\udc00")").message, "unpaired surrogate \\uDC00 in string");
}

TEST(JsonParse, BadEscapes) {
  JsonError error = parseError(R"("abc\x")");
  EXPECT_EQ(error.message, "invalid escape \"\\x\" in string");
  EXPECT_EQ(error.location.column, 5);
  EXPECT_EQ(parseError(R"("\u12G4")").message, "invalid \\u escape, expected 4 hex digits");
  EXPECT_EQ(parseError(R"("\u12")").message, "invalid \\u escape, expected 4 hex digits");
  EXPECT_EQ(parseError("\"\\").message, "unterminated string");
  EXPECT_EQ(parseError("\"\\\x01\"").message, "invalid escape in string");
}

TEST(JsonParse, InvalidUtf8IsAnError) {
  const char* cases[] = {
      "\"\xC0\x80\"",          // overlong NUL
      "\"\xE0\x80\xAF\"",      // overlong '/'
      "\"\xED\xA0\x80\"",      // encoded surrogate
      "\"\xF4\x90\x80\x80\"",  // above U+10FFFF
      "\"\xF5\x80\x80\x80\"",  // invalid lead byte
      "\"\xE2\x82\"",          // truncated sequence
      "\"\x80\"",              // stray continuation byte
      "\"\xFF\"",
  };
  for (const char* text : cases) {
    const JsonError error = parseError(text);
    EXPECT_EQ(error.message, "invalid UTF-8 in string") << text;
    EXPECT_EQ(error.location.column, 2) << text;
  }
  EXPECT_EQ(parseError("[\xFF]").message, "expected a value, found invalid UTF-8 byte 0xFF");
  EXPECT_EQ(parseError("[1,\xC2\xA0 2]").message, "expected a value, found character U+00A0");
}

TEST(JsonParse, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(parseOk("\xEF\xBB\xBF{\"a\": 1}").find("a")->asInt64(), 1);
  const JsonError error = parseError("\xEF\xBB\xBF{} x");
  EXPECT_EQ(error.location.line, 1);
  EXPECT_EQ(error.location.column, 4);
  EXPECT_EQ(parseError("\xEF\xBB\xBF").message, "empty document");
  // A BOM anywhere else is just an unexpected character.
  EXPECT_EQ(parseError(" \xEF\xBB\xBF{}").message, "expected a value, found character U+FEFF");
}

// ---------------------------------------------------------------------------------------------
// Errors with exact locations

struct ErrorCase {
  const char* text;
  int line;
  int column;
  const char* message;
};

TEST(JsonParse, ErrorsNameLineColumnAndReason) {
  const ErrorCase cases[] = {
      {"[\n  1,\n  2, 3 4\n]", 3, 8, "expected ',' or ']' after array element"},
      {"{\"a\":1,\n\"bb\": 1,\n\"c\":2 \"d\": 3}", 3, 7, "expected ',' or '}' after object member"},
      {"[1, 2,]", 1, 6, "trailing comma in array"},
      {"{\"a\": 1,\n}", 1, 8, "trailing comma in object"},
      {"[1,\r\n2,\r\n]", 2, 2, "trailing comma in array"},
      {"[1,\r2,\r]", 2, 2, "trailing comma in array"},
      {"{\n  // hi\n  \"a\": 1\n}", 2, 3, "comments are not allowed in JSON"},
      {"[1 /* x */]", 1, 4, "comments are not allowed in JSON"},
      {"// x\n1", 1, 1, "comments are not allowed in JSON"},
      {"1 // x", 1, 3, "comments are not allowed in JSON"},
      {"[NaN]", 1, 2, "invalid value \"NaN\" (JSON has no NaN or Infinity)"},
      {"Infinity", 1, 1, "invalid value \"Infinity\" (JSON has no NaN or Infinity)"},
      {"[-Infinity]", 1, 2, "invalid number \"-Infinity\""},
      {"01", 1, 1, "invalid number \"01\""},
      {"[1, -012]", 1, 5, "invalid number \"-012\""},
      {"1.", 1, 1, "invalid number \"1.\""},
      {"1.e5", 1, 1, "invalid number \"1.e5\""},
      {"1e", 1, 1, "invalid number \"1e\""},
      {"1e+", 1, 1, "invalid number \"1e+\""},
      {".5", 1, 1, "invalid number \".5\""},
      {"+1", 1, 1, "invalid number \"+1\""},
      {"-", 1, 1, "invalid number \"-\""},
      {"0x1F", 1, 1, "invalid number \"0x1F\""},
      {"1.5.3", 1, 1, "invalid number \"1.5.3\""},
      {"[12abc]", 1, 2, "invalid number \"12abc\""},
      {"tru", 1, 1, "invalid literal \"tru\""},
      {"[nulll]", 1, 2, "invalid literal \"nulll\""},
      {"True", 1, 1, "invalid literal \"True\""},
      {"\"a\tb\"", 1, 3, "unescaped control character U+0009 in string"},
      {"\"a\x01\"", 1, 3, "unescaped control character U+0001 in string"},
      {"{\"k\": \"abc\ndef\"}", 1, 11, "line break in string (missing closing '\"'?)"},
      {"[\"abc", 1, 2, "unterminated string"},
      {"", 1, 1, "empty document"},
      {"   \n  ", 2, 3, "empty document"},
      {"{} x", 1, 4, "unexpected 'x' after the JSON value"},
      {"1 2", 1, 3, "unexpected '2' after the JSON value"},
      {"{}}", 1, 3, "unexpected '}' after the JSON value"},
      {"{\n  \"workers\": 1,\n  \"workers\": 2\n}", 3, 3, "duplicate key \"workers\""},
      {"[1, 2", 1, 6, "unexpected end of input: '[' at 1:1 is never closed"},
      {"[\n [1,\n", 3, 1, "unexpected end of input: '[' at 2:2 is never closed"},
      {"{\"a\": 1", 1, 8, "unexpected end of input: '{' at 1:1 is never closed"},
      {"{\"a\"", 1, 5, "unexpected end of input: '{' at 1:1 is never closed"},
      {"{", 1, 2, "unexpected end of input: '{' at 1:1 is never closed"},
      {"{\"a\": ", 1, 7, "unexpected end of input, expected a value"},
      {"[1,", 1, 4, "unexpected end of input: '[' at 1:1 is never closed"},
      {"{'a': 1}", 1, 2, "strings must use double quotes"},
      {"['a']", 1, 2, "strings must use double quotes"},
      {"{a: 1}", 1, 2, "object keys must be double-quoted strings"},
      {"{1: 1}", 1, 2, "object keys must be double-quoted strings"},
      {"{,}", 1, 2, "expected a string key, found ','"},
      {"{\"a\" 1}", 1, 6, "expected ':' after object key"},
      {"[,1]", 1, 2, "expected a value, found ','"},
      {"[1,,2]", 1, 4, "expected a value, found ','"},
      {"{\"a\":}", 1, 6, "expected a value, found '}'"},
      {"]", 1, 1, "expected a value, found ']'"},
      {"\x01", 1, 1, "expected a value, found control character U+0001"},
      {"[\"\xC3\xA9\xC3\xA9\", x]", 1, 8, "invalid literal \"x\""},
  };
  for (const ErrorCase& c : cases) {
    const JsonError error = parseError(c.text);
    EXPECT_EQ(error.location.line, c.line) << "input: " << c.text;
    EXPECT_EQ(error.location.column, c.column) << "input: " << c.text;
    EXPECT_EQ(error.message, c.message) << "input: " << c.text;
  }
}

TEST(JsonParse, DuplicateKeysInLargeObjects) {
  // Past the linear-scan threshold the parser uses a hash set; both paths must agree.
  for (const int count : {3, 15, 16, 17, 40, 2000}) {
    std::string text = "{";
    for (int i = 0; i < count; ++i) {
      text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
    }
    text += "\n\"unique\": true}";
    const JsonValue doc = parseOk(text);
    ASSERT_EQ(doc.members().size(), static_cast<std::size_t>(count) + 1);
    EXPECT_EQ(doc.members()[static_cast<std::size_t>(count) - 1].first,
              "k" + std::to_string(count - 1));
    EXPECT_EQ(doc.find("k0")->asInt64(), 0);

    for (const int duplicate : {0, count / 2, count - 1}) {
      const std::string bad =
          text.substr(0, text.size() - 1) + ",\n  \"k" + std::to_string(duplicate) + "\": 0}";
      const JsonError error = parseError(bad);
      EXPECT_EQ(error.message, "duplicate key \"k" + std::to_string(duplicate) + "\"");
      EXPECT_EQ(error.location.line, 3);
      EXPECT_EQ(error.location.column, 3);
    }
  }
  EXPECT_EQ(parseError("{\"a\\n\": 1, \"a\\u000a\": 2}").message, "duplicate key \"a\\n\"");
}

TEST(JsonParse, DepthLimit) {
  const std::size_t limit = static_cast<std::size_t>(kJsonMaxDepth);
  const std::string ok = std::string(limit, '[') + std::string(limit, ']');
  EXPECT_TRUE(parseOk(ok).isArray());

  const std::string tooDeep = std::string(limit + 1, '[') + std::string(limit + 1, ']');
  const JsonError error = parseError(tooDeep);
  EXPECT_EQ(error.message, "nesting deeper than 200 levels");
  EXPECT_EQ(error.location.column, kJsonMaxDepth + 1);

  EXPECT_EQ(parseError(std::string(100000, '[')).message, "nesting deeper than 200 levels");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_EQ(parseError(objects).message, "nesting deeper than 200 levels");
  std::string mixed;
  for (int i = 0; i < 50000; ++i) mixed += "[{\"k\":";
  EXPECT_EQ(parseError(mixed).message, "nesting deeper than 200 levels");
}

// ---------------------------------------------------------------------------------------------
// DOM building

TEST(JsonValueBuild, BuildersAndMutators) {
  JsonValue object = JsonValue::object();
  object.set("b", JsonValue::integer(1));
  object.set("a", JsonValue::string("x"));
  object.set("b", JsonValue::boolean(true));  // replaces in place, keeps position
  ASSERT_EQ(object.members().size(), 2u);
  EXPECT_EQ(object.members()[0].first, "b");
  EXPECT_TRUE(object.members()[0].second.asBool());
  EXPECT_EQ(object.members()[1].first, "a");

  JsonValue array = JsonValue::array();
  array.push(JsonValue::null());
  array.push(JsonValue::number(2.5));
  array.push(std::move(object));
  ASSERT_EQ(array.items().size(), 3u);
  EXPECT_TRUE(array.items()[0].isNull());
  EXPECT_EQ(array.items()[1].asNumber(), 2.5);
  EXPECT_EQ(array.items()[2].find("a")->asString(), "x");
  EXPECT_EQ(array.location().line, 0);  // built in code: unknown

  EXPECT_TRUE(JsonValue::number(3.0).isInteger());
  EXPECT_FALSE(JsonValue::number(3.0).holdsInt64());
  EXPECT_TRUE(JsonValue::integer(3).holdsInt64());
  EXPECT_FALSE(JsonValue::number(std::nan("")).isInteger());
  EXPECT_EQ(JsonValue::number(std::nan("")).asInt64(), 0);
  EXPECT_EQ(JsonValue::number(-1e300).asInt64(), std::numeric_limits<std::int64_t>::min());
}

TEST(JsonValueBuild, AccessorsOnWrongTypeAreHarmless) {
  const JsonValue text = JsonValue::string("abc");
  EXPECT_FALSE(text.asBool());
  EXPECT_EQ(text.asNumber(), 0.0);
  EXPECT_EQ(text.asInt64(), 0);
  EXPECT_TRUE(text.items().empty());
  EXPECT_TRUE(text.members().empty());
  EXPECT_EQ(text.find("abc"), nullptr);
  EXPECT_EQ(JsonValue::integer(5).asString(), "");
}

TEST(JsonValueBuild, EqualityIsStructural) {
  EXPECT_EQ(parseOk("{\"a\": [1, 2.5, \"x\", null, true]}"),
            parseOk("{ \"a\" : [ 1 , 25e-1 , \"\\u0078\" , null , true ] }"));
  EXPECT_NE(parseOk("{\"a\": 1, \"b\": 2}"), parseOk("{\"b\": 2, \"a\": 1}"));  // order matters
  EXPECT_NE(parseOk("[1]"), parseOk("[1, 2]"));
  EXPECT_NE(parseOk("1"), parseOk("true"));
  EXPECT_NE(parseOk("\"1\""), parseOk("1"));
  EXPECT_EQ(JsonValue::integer(5), JsonValue::number(5.0));
  EXPECT_NE(JsonValue::integer(9007199254740993LL), JsonValue::integer(9007199254740992LL));
  EXPECT_NE(JsonValue::boolean(true), JsonValue::boolean(false));
}

// ---------------------------------------------------------------------------------------------
// Writer

JsonValue sampleDocument() {
  JsonValue doc = JsonValue::object();
  doc.set("name", JsonValue::string("q\"\\\n\x01\xC3\xA9"));
  doc.set("count", JsonValue::integer(-42));
  doc.set("ratio", JsonValue::number(0.1));
  JsonValue list = JsonValue::array();
  list.push(JsonValue::boolean(true));
  list.push(JsonValue::null());
  list.push(JsonValue::array());
  list.push(JsonValue::object());
  doc.set("list", std::move(list));
  return doc;
}

TEST(JsonWrite, PrettyAndCompactLayout) {
  EXPECT_EQ(writeJson(sampleDocument()),
            "{\n"
            "  \"name\": \"q\\\"\\\\\\n\\u0001\xC3\xA9\",\n"
            "  \"count\": -42,\n"
            "  \"ratio\": 0.1,\n"
            "  \"list\": [\n"
            "    true,\n"
            "    null,\n"
            "    [],\n"
            "    {}\n"
            "  ]\n"
            "}");
  EXPECT_EQ(writeJson(sampleDocument(), 0),
            "{\"name\":\"q\\\"\\\\\\n\\u0001\xC3\xA9\",\"count\":-42,\"ratio\":0.1,"
            "\"list\":[true,null,[],{}]}");
  EXPECT_EQ(writeJson(parseOk("[[1]]"), 4), "[\n    [\n        1\n    ]\n]");
  EXPECT_EQ(writeJson(JsonValue::string("x")), "\"x\"");
}

TEST(JsonWrite, NumbersAndSpecialValues) {
  EXPECT_EQ(writeJson(JsonValue::integer(std::numeric_limits<std::int64_t>::min())),
            "-9223372036854775808");
  EXPECT_EQ(writeJson(parseOk("9223372036854775807")), "9223372036854775807");
  EXPECT_EQ(writeJson(JsonValue::number(3.0)), "3");
  EXPECT_EQ(writeJson(JsonValue::number(1e300)), "1e+300");
  EXPECT_EQ(writeJson(JsonValue::number(-0.0)), "-0");
  EXPECT_EQ(writeJson(JsonValue::number(std::numeric_limits<double>::infinity())), "null");
  EXPECT_EQ(writeJson(JsonValue::number(-std::numeric_limits<double>::infinity())), "null");
  EXPECT_EQ(writeJson(JsonValue::number(std::nan(""))), "null");
  // Parsed integer literals keep their exact spelling even beyond 2^53.
  EXPECT_EQ(writeJson(parseOk("[9007199254740993]"), 0), "[9007199254740993]");
}

TEST(JsonWrite, StringEscaping) {
  std::string allControls;
  for (int c = 0; c < 0x20; ++c) allControls.push_back(static_cast<char>(c));
  const std::string written = writeJson(JsonValue::string(allControls));
  EXPECT_EQ(written,
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
            "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
            "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"");
  EXPECT_EQ(parseOk(written).asString(), allControls);
  EXPECT_EQ(writeJson(JsonValue::string("/\x7F\xF0\x9F\x98\x80")), "\"/\x7F\xF0\x9F\x98\x80\"");
  // Malformed UTF-8 cannot be represented; it is replaced so the output stays valid JSON.
  EXPECT_EQ(writeJson(JsonValue::string("a\xFF" "b\xED\xA0\x80")),
            "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonWrite, DoubleRoundTripIsExact) {
  const double special[] = {0.1,
                            0.2,
                            1.0 / 3.0,
                            1e-300,
                            5e-324,
                            2.2250738585072014e-308,
                            2.2250738585072009e-308,
                            1.7976931348623157e308,
                            -1.7976931348623157e308,
                            9007199254740993.0,
                            1e21,
                            1e22,
                            123456789012345680000.0,
                            -0.0,
                            0.0,
                            1e15,
                            1e16,
                            9.223372036854775807e18,
                            -9.223372036854775808e18,
                            4.35,
                            0.30000000000000004};
  for (const double value : special) {
    const std::string text = writeJson(JsonValue::number(value));
    const JsonValue back = parseOk(text);
    EXPECT_EQ(bits(back.asNumber()), bits(value)) << text;
  }
  EXPECT_EQ(writeJson(JsonValue::number(5e-324)), "5e-324");
  EXPECT_EQ(writeJson(JsonValue::number(1.7976931348623157e308)), "1.7976931348623157e+308");
  EXPECT_EQ(writeJson(JsonValue::number(0.1)), "0.1");

  std::mt19937_64 rng(12345);
  int checked = 0;
  while (checked < 100000) {
    const double value = std::bit_cast<double>(rng());
    if (!std::isfinite(value)) continue;
    ++checked;
    std::string text;
    appendJsonNumber(text, value);
    const JsonValue back = parseOk(text);
    ASSERT_EQ(bits(back.asNumber()), bits(value)) << text;
  }
}

// Random DOMs with awkward strings and numbers of every kind.
class RandomDom {
 public:
  explicit RandomDom(std::uint64_t seed) : m_rng(seed) {}

  JsonValue value(int depth) {
    const int kind = pick(depth >= 5 ? 5 : 7);
    switch (kind) {
      case 0: return JsonValue::null();
      case 1: return JsonValue::boolean(pick(2) == 1);
      case 2: return number();
      case 3:
      case 4: return JsonValue::string(text());
      case 5: {
        JsonValue array = JsonValue::array();
        const int count = pick(6);
        for (int i = 0; i < count; ++i) array.push(value(depth + 1));
        return array;
      }
      default: {
        JsonValue object = JsonValue::object();
        const int count = pick(6);
        for (int i = 0; i < count; ++i) object.set(text(), value(depth + 1));
        return object;
      }
    }
  }

 private:
  int pick(int n) { return static_cast<int>(m_rng() % static_cast<std::uint64_t>(n)); }

  JsonValue number() {
    switch (pick(4)) {
      case 0: return JsonValue::integer(static_cast<std::int64_t>(m_rng()));
      case 1: return JsonValue::integer(pick(2001) - 1000);
      case 2: {
        double value = 0.0;
        do {
          value = std::bit_cast<double>(m_rng());
        } while (!std::isfinite(value));
        return JsonValue::number(value);
      }
      default:
        return JsonValue::number(static_cast<double>(pick(1000000)) / 1000.0);
    }
  }

  std::string text() {
    std::string result;
    const int length = pick(8);
    for (int i = 0; i < length; ++i) {
      std::uint32_t codePoint = 0;
      switch (pick(6)) {
        case 0: codePoint = static_cast<std::uint32_t>(pick(0x20)); break;
        case 1: codePoint = pick(2) == 0 ? '"' : '\\'; break;
        case 2: codePoint = static_cast<std::uint32_t>(0x80 + pick(0x780)); break;
        case 3:
          do {
            codePoint = static_cast<std::uint32_t>(0x800 + pick(0x10000 - 0x800));
          } while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
          break;
        case 4: codePoint = static_cast<std::uint32_t>(0x10000 + pick(0x100000)); break;
        default: codePoint = static_cast<std::uint32_t>(0x20 + pick(0x5F)); break;
      }
      // Encoding through the parser's \u escapes also exercises surrogate pair decoding.
      std::string escaped = "\\u" + hex(codePoint);
      if (codePoint >= 0x10000) {
        const std::uint32_t v = codePoint - 0x10000;
        escaped = "\\u" + hex(0xD800 + (v >> 10)) + "\\u" + hex(0xDC00 + (v & 0x3FF));
      }
      result += parseOk("\"" + escaped + "\"").asString();
    }
    return result;
  }

  static std::string hex(std::uint32_t value) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string result;
    for (int shift = 12; shift >= 0; shift -= 4) result.push_back(kHex[(value >> shift) & 0xF]);
    return result;
  }

  std::mt19937_64 m_rng;
};

TEST(JsonWrite, RandomDomRoundTrip) {
  RandomDom generator(2024);
  for (int i = 0; i < 3000; ++i) {
    const JsonValue original = generator.value(0);
    for (const int indent : {0, 2, 3}) {
      const std::string text = writeJson(original, indent);
      const JsonValue back = parseOk(text);
      ASSERT_EQ(back, original) << text;
      // Writing is deterministic and idempotent.
      ASSERT_EQ(writeJson(back, indent), text);
    }
  }
}

TEST(JsonWrite, StreamingWriterMatchesWriteJson) {
  JsonWriter writer;
  writer.beginObject();
  writer.key("name");
  writer.value("q\"\\\n\x01\xC3\xA9");
  writer.key("count");
  writer.value(-42);
  writer.key("ratio");
  writer.value(0.1);
  writer.key("list");
  writer.beginArray();
  writer.value(true);
  writer.nullValue();
  writer.beginArray();
  writer.endArray();
  writer.beginObject();
  writer.endObject();
  writer.endArray();
  EXPECT_FALSE(writer.complete());
  writer.endObject();
  EXPECT_TRUE(writer.complete());
  EXPECT_EQ(writer.str(), writeJson(sampleDocument()));

  JsonWriter compact(0);
  compact.beginArray();
  compact.value(std::numeric_limits<std::uint64_t>::max());
  compact.value(std::numeric_limits<std::int64_t>::min());
  compact.value(std::string_view("sv"));
  compact.value(std::string("str"));
  compact.value(static_cast<const char*>(nullptr));
  compact.value(false);
  compact.value(std::numeric_limits<double>::quiet_NaN());
  compact.value(1.5);
  compact.endArray();
  EXPECT_EQ(compact.str(),
            "[18446744073709551615,-9223372036854775808,\"sv\",\"str\",null,false,null,1.5]");
  const std::string taken = compact.take();
  EXPECT_EQ(taken.front(), '[');
  EXPECT_TRUE(compact.str().empty());
  EXPECT_FALSE(compact.complete());
  compact.value(7);
  EXPECT_EQ(compact.str(), "7");
  EXPECT_TRUE(compact.complete());
}

#if GTEST_HAS_DEATH_TEST && !defined(NDEBUG)
TEST(JsonWriteDeathTest, MisuseIsCaughtInDebugBuilds) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        JsonWriter writer;
        writer.beginObject();
        writer.value(1);
      },
      "needs a key");
  EXPECT_DEATH(
      {
        JsonWriter writer;
        writer.beginArray();
        writer.key("k");
      },
      "key outside an object");
  EXPECT_DEATH(
      {
        JsonWriter writer;
        writer.beginArray();
        writer.endObject();
      },
      "does not match");
  EXPECT_DEATH(
      {
        JsonWriter writer;
        writer.value(1);
        writer.value(2);
      },
      "one top-level value");
}
#endif

// ---------------------------------------------------------------------------------------------
// Robustness

void checkParseResult(std::string_view text) {
  auto result = parseJson(text);
  if (const auto* error = std::get_if<JsonError>(&result)) {
    ASSERT_GE(error->location.line, 1) << error->message;
    ASSERT_GE(error->location.column, 1) << error->message;
    ASSERT_FALSE(error->message.empty());
  } else {
    // Anything accepted must survive a write/parse round trip unchanged.
    const JsonValue& value = std::get<JsonValue>(result);
    const JsonValue back = parseOk(writeJson(value, 1));
    ASSERT_EQ(back, value) << text;
  }
}

TEST(JsonRobustness, RandomBytesNeverCrash) {
  std::mt19937_64 rng(7);
  static constexpr std::string_view kAlphabet =
      "{}[],:\"\\ \n\t0123456789-+.eEtrufalsn/u'\xC3\xA9\x80\xFF";
  std::string text;
  int accepted = 0;
  for (int i = 0; i < 100000; ++i) {
    text.clear();
    const std::size_t length = rng() % 48;
    for (std::size_t k = 0; k < length; ++k) {
      // Mostly JSON-ish characters so the parser gets past the first token.
      if (rng() % 4 == 0) {
        text.push_back(static_cast<char>(rng() & 0xFF));
      } else {
        text.push_back(kAlphabet[rng() % kAlphabet.size()]);
      }
    }
    ASSERT_NO_FATAL_FAILURE(checkParseResult(text));
    if (std::holds_alternative<JsonValue>(parseJson(text))) ++accepted;
  }
  EXPECT_GT(accepted, 0);  // the generator does reach valid documents sometimes
}

TEST(JsonRobustness, MutatedDocumentsNeverCrash) {
  const std::string base = R"({
  "name": "demo \u00e9 \uD83D\uDE00",
  "components": [
    {"type": "server", "params": {"workers": 8, "rate": 1.5e3, "queue": null}},
    {"type": "client", "params": {"think": -0.25, "ids": [1, 2, 9223372036854775807]}}
  ],
  "flags": [true, false, {}, []],
  "text": "tab\tnew\nline"
})";
  ASSERT_TRUE(parseOk(base).isObject());
  static constexpr std::string_view kInteresting =
      "{}[],:\"\\0123456789-+.eE \n/\x80\xC3\xED\xF0\xFF";
  std::mt19937_64 rng(99);
  int accepted = 0;
  for (int i = 0; i < 100000; ++i) {
    std::string text = base;
    const int mutations = 1 + static_cast<int>(rng() % 4);
    for (int m = 0; m < mutations && !text.empty(); ++m) {
      const std::size_t pos = rng() % text.size();
      switch (rng() % 5) {
        case 0: text[pos] = static_cast<char>(rng() & 0xFF); break;
        case 1: text.insert(pos, 1, kInteresting[rng() % kInteresting.size()]); break;
        case 2: text.erase(pos, 1 + rng() % 3); break;
        case 3: text.insert(pos, text.substr(rng() % text.size(), rng() % 12)); break;
        default: text.resize(pos); break;
      }
    }
    ASSERT_NO_FATAL_FAILURE(checkParseResult(text));
    if (std::holds_alternative<JsonValue>(parseJson(text))) ++accepted;
  }
  EXPECT_GT(accepted, 0);
}

// ---------------------------------------------------------------------------------------------
// JsonPath

TEST(JsonPathTest, Formatting) {
  EXPECT_EQ(JsonPath::root().str(), "$");
  EXPECT_EQ(JsonPath().str(), "$");
  const JsonPath workers =
      JsonPath::root().key("components").index(2).key("params").key("workers");
  EXPECT_EQ(workers.str(), "$.components[2].params.workers");
  EXPECT_EQ(JsonPath::root().key("my key").str(), "$[\"my key\"]");
  EXPECT_EQ(JsonPath::root().key("").str(), "$[\"\"]");
  EXPECT_EQ(JsonPath::root().key("2fast").str(), "$[\"2fast\"]");
  EXPECT_EQ(JsonPath::root().key("_ok9").str(), "$._ok9");
  EXPECT_EQ(JsonPath::root().key("a\"b").key("x.y").str(), "$[\"a\\\"b\"][\"x.y\"]");
  EXPECT_EQ(JsonPath::root().index(0).index(10).str(), "$[0][10]");
  // Paths are values: extending one leaves the original untouched.
  const JsonPath base = JsonPath::root().key("a");
  const JsonPath extended = base.key("b");
  EXPECT_EQ(base.str(), "$.a");
  EXPECT_EQ(extended.str(), "$.a.b");
}

}  // namespace
}  // namespace pillars
