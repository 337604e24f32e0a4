#include "engine/io/json_writer.hpp"

#include <cassert>
#include <charconv>
#include <cmath>
#include <utility>

namespace pillars {

namespace {

void appendInteger(std::string& out, std::int64_t number) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.append(buffer, result.ptr);
}

void appendUnsigned(std::string& out, std::uint64_t number) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.append(buffer, result.ptr);
}

void emit(JsonWriter& writer, const JsonValue& value) {
  switch (value.type()) {
    case JsonValue::Type::Null:
      writer.nullValue();
      return;
    case JsonValue::Type::Bool:
      writer.value(value.asBool());
      return;
    case JsonValue::Type::Number:
      if (value.holdsInt64()) {
        writer.value(value.asInt64());
      } else {
        writer.value(value.asNumber());
      }
      return;
    case JsonValue::Type::String:
      writer.value(std::string_view(value.asString()));
      return;
    case JsonValue::Type::Array:
      writer.beginArray();
      for (const JsonValue& item : value.items()) emit(writer, item);
      writer.endArray();
      return;
    case JsonValue::Type::Object:
      writer.beginObject();
      for (const auto& [name, member] : value.members()) {
        writer.key(name);
        emit(writer, member);
      }
      writer.endObject();
      return;
  }
}

}  // namespace

std::string writeJson(const JsonValue& value, int indent) {
  JsonWriter writer(indent);
  emit(writer, value);
  return writer.take();
}

void appendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Copy runs of bytes that need no escaping in one go; strings are mostly plain ASCII.
    std::size_t run = pos;
    while (run < text.size()) {
      const auto byte = static_cast<unsigned char>(text[run]);
      if (byte < 0x20 || byte == '"' || byte == '\\' || byte >= 0x80) break;
      ++run;
    }
    out.append(text.data() + pos, run - pos);
    pos = run;
    if (pos >= text.size()) break;

    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
      const std::size_t length = utf8SequenceLength(text, pos);
      if (length == 0) {
        out.append("\xEF\xBF\xBD");  // U+FFFD: keep the output valid UTF-8
        ++pos;
      } else {
        out.append(text.data() + pos, length);
        pos += length;
      }
      continue;
    }
    switch (byte) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        out.append("\\u00");
        out.push_back(kHex[byte >> 4]);
        out.push_back(kHex[byte & 0x0F]);
        break;
    }
    ++pos;
  }
  out.push_back('"');
}

void appendJsonNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out.append("null");
    return;
  }
  // to_chars without a format is the shortest representation that round-trips, and it is
  // specified to ignore the C locale, unlike printf/ostream.
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

JsonWriter::JsonWriter(int indent) : m_indent(indent < 0 ? 0 : indent) {}

void JsonWriter::newlineAndIndent() {
  if (m_indent == 0) return;
  m_out.push_back('\n');
  m_out.append(m_stack.size() * static_cast<std::size_t>(m_indent), ' ');
}

void JsonWriter::beforeValue() {
  if (m_stack.empty()) {
    assert(!m_done && "JsonWriter: only one top-level value is allowed");
    m_done = true;
    return;
  }
  Frame& top = m_stack.back();
  if (top.isObject) {
    assert(top.keyPending && "JsonWriter: value inside an object needs a key first");
    top.keyPending = false;
    return;
  }
  if (top.hasChildren) m_out.push_back(',');
  top.hasChildren = true;
  newlineAndIndent();
}

void JsonWriter::key(std::string_view name) {
  assert(!m_stack.empty() && m_stack.back().isObject && "JsonWriter: key outside an object");
  assert(!m_stack.back().keyPending && "JsonWriter: two keys in a row");
  if (m_stack.empty() || !m_stack.back().isObject) return;
  Frame& top = m_stack.back();
  if (top.hasChildren) m_out.push_back(',');
  top.hasChildren = true;
  top.keyPending = true;
  newlineAndIndent();
  appendJsonString(m_out, name);
  m_out.append(m_indent == 0 ? ":" : ": ");
}

void JsonWriter::beginObject() {
  beforeValue();
  m_out.push_back('{');
  m_stack.push_back(Frame{true, false, false});
}

void JsonWriter::beginArray() {
  beforeValue();
  m_out.push_back('[');
  m_stack.push_back(Frame{false, false, false});
}

void JsonWriter::endContainer(bool isObject, char close) {
  assert(!m_stack.empty() && m_stack.back().isObject == isObject &&
         "JsonWriter: end call does not match the open container");
  assert(!m_stack.back().keyPending && "JsonWriter: key without a value");
  if (m_stack.empty() || m_stack.back().isObject != isObject) return;
  const bool hadChildren = m_stack.back().hasChildren;
  m_stack.pop_back();
  // Empty containers stay on one line ("[]", "{}"), matching what a reader expects.
  if (hadChildren) newlineAndIndent();
  m_out.push_back(close);
}

void JsonWriter::endObject() { endContainer(true, '}'); }
void JsonWriter::endArray() { endContainer(false, ']'); }

void JsonWriter::value(double number) {
  beforeValue();
  appendJsonNumber(m_out, number);
}

void JsonWriter::value(std::int64_t number) {
  beforeValue();
  appendInteger(m_out, number);
}

void JsonWriter::value(std::uint64_t number) {
  beforeValue();
  appendUnsigned(m_out, number);
}

void JsonWriter::value(int number) { value(static_cast<std::int64_t>(number)); }

void JsonWriter::value(bool flag) {
  beforeValue();
  m_out.append(flag ? "true" : "false");
}

void JsonWriter::value(std::string_view text) {
  beforeValue();
  appendJsonString(m_out, text);
}

void JsonWriter::value(const char* text) {
  if (text == nullptr) {
    nullValue();
  } else {
    value(std::string_view(text));
  }
}

void JsonWriter::nullValue() {
  beforeValue();
  m_out.append("null");
}

std::string JsonWriter::take() {
  std::string result = std::move(m_out);
  m_out.clear();
  m_stack.clear();
  m_done = false;
  return result;
}

}  // namespace pillars
