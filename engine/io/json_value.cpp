// JsonValue: the document model, its builders and accessors.
#include "engine/io/json.hpp"

#include <cassert>
#include <cmath>

namespace pillars {

// ---------------------------------------------------------------------------------------------
// JsonValue

namespace {

// 2^63 as a double: the first value that no longer fits in int64.
constexpr double kTwoPow63 = 9223372036854775808.0;

const std::string kEmptyString;
const std::vector<JsonValue> kEmptyItems;
const std::vector<JsonValue::Member> kEmptyMembers;

}  // namespace

JsonValue JsonValue::null() { return JsonValue(); }

JsonValue JsonValue::boolean(bool value) {
  JsonValue result;
  result.m_type = Type::Bool;
  result.m_bool = value;
  return result;
}

JsonValue JsonValue::number(double value) {
  JsonValue result;
  result.m_type = Type::Number;
  result.m_double = value;
  return result;
}

JsonValue JsonValue::integer(std::int64_t value) {
  JsonValue result;
  result.m_type = Type::Number;
  result.m_isIntStorage = true;
  result.m_int = value;
  result.m_double = static_cast<double>(value);
  return result;
}

JsonValue JsonValue::string(std::string value) {
  JsonValue result;
  result.m_type = Type::String;
  result.m_string = std::move(value);
  return result;
}

JsonValue JsonValue::array() {
  JsonValue result;
  result.m_type = Type::Array;
  return result;
}

JsonValue JsonValue::object() {
  JsonValue result;
  result.m_type = Type::Object;
  return result;
}

const char* JsonValue::typeName() const {
  switch (m_type) {
    case Type::Null: return "null";
    case Type::Bool: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
  }
  return "null";
}

bool JsonValue::asBool() const { return m_type == Type::Bool && m_bool; }

double JsonValue::asNumber() const { return m_type == Type::Number ? m_double : 0.0; }

bool JsonValue::isInteger() const {
  if (m_type != Type::Number) return false;
  if (m_isIntStorage) return true;
  return std::isfinite(m_double) && std::trunc(m_double) == m_double && m_double >= -kTwoPow63 &&
         m_double < kTwoPow63;
}

std::int64_t JsonValue::asInt64() const {
  if (m_type != Type::Number) return 0;
  if (m_isIntStorage) return m_int;
  if (std::isnan(m_double)) return 0;
  if (m_double >= kTwoPow63) return std::numeric_limits<std::int64_t>::max();
  if (m_double < -kTwoPow63) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(m_double);
}

const std::string& JsonValue::asString() const {
  return m_type == Type::String ? m_string : kEmptyString;
}

const std::vector<JsonValue>& JsonValue::items() const {
  return m_type == Type::Array ? m_items : kEmptyItems;
}

const std::vector<JsonValue::Member>& JsonValue::members() const {
  return m_type == Type::Object ? m_members : kEmptyMembers;
}

const JsonValue* JsonValue::find(std::string_view key) const {
  if (m_type != Type::Object) return nullptr;
  for (const Member& member : m_members) {
    if (member.first == key) return &member.second;
  }
  return nullptr;
}

void JsonValue::push(JsonValue value) {
  assert(m_type == Type::Array && "JsonValue::push on a non-array");
  if (m_type != Type::Array) return;
  m_items.push_back(std::move(value));
}

void JsonValue::set(std::string key, JsonValue value) {
  assert(m_type == Type::Object && "JsonValue::set on a non-object");
  if (m_type != Type::Object) return;
  for (Member& member : m_members) {
    if (member.first == key) {
      member.second = std::move(value);
      return;
    }
  }
  m_members.emplace_back(std::move(key), std::move(value));
}

bool JsonValue::operator==(const JsonValue& other) const {
  if (m_type != other.m_type) return false;
  switch (m_type) {
    case Type::Null: return true;
    case Type::Bool: return m_bool == other.m_bool;
    case Type::Number:
      if (m_isIntStorage && other.m_isIntStorage) return m_int == other.m_int;
      return m_double == other.m_double;
    case Type::String: return m_string == other.m_string;
    case Type::Array: return m_items == other.m_items;
    case Type::Object: return m_members == other.m_members;
  }
  return false;
}

}  // namespace pillars
