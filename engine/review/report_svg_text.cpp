#include "engine/review/report_svg_text.hpp"

#include <cstdlib>
#include <map>
#include <optional>

namespace pillars::review {

namespace {

/// A transform of scales and translations only: p -> (a·x + e, d·y + f).
struct Affine {
  double a = 1, d = 1, e = 0, f = 0;
  Affine then(const Affine& inner) const {  // this ∘ inner: inner applies first
    return {a * inner.a, d * inner.d, a * inner.e + e, d * inner.f + f};
  }
};

std::vector<double> numbersIn(const std::string& text) {
  std::vector<double> out;
  const char* p = text.c_str();
  while (*p) {
    if (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n') {
      ++p;
      continue;
    }
    char* end = nullptr;
    const double v = std::strtod(p, &end);
    if (end == p) return {};  // not a number list
    out.push_back(v);
    p = end;
  }
  return out;
}

/// Parses an SVG transform list; nothing when it holds a rotation, a skew or anything else
/// that would turn text, which drawing it upright could not honour.
std::optional<Affine> parseTransform(const std::string& text) {
  Affine m;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto open = text.find('(', at);
    if (open == std::string::npos) break;
    const auto close = text.find(')', open);
    if (close == std::string::npos) return std::nullopt;
    std::string name = text.substr(at, open - at);
    name.erase(0, name.find_first_not_of(" ,\t\n"));
    name.erase(name.find_last_not_of(" \t\n") + 1);
    const std::vector<double> v = numbersIn(text.substr(open + 1, close - open - 1));
    Affine step;
    if (name == "translate" && (v.size() == 1 || v.size() == 2)) {
      step.e = v[0];
      step.f = v.size() == 2 ? v[1] : 0;
    } else if (name == "scale" && (v.size() == 1 || v.size() == 2)) {
      step.a = v[0];
      step.d = v.size() == 2 ? v[1] : v[0];
    } else if (name == "rotate" && !v.empty() && v[0] == 0) {
      // rotate(0), which Graphviz always writes: nothing turns.
    } else if (name == "matrix" && v.size() == 6 && v[1] == 0 && v[2] == 0) {
      step = {v[0], v[3], v[4], v[5]};
    } else {
      return std::nullopt;
    }
    m = m.then(step);
    at = close + 1;
  }
  return m;
}

/// The attributes of a start tag ("<text x=\"1\" ...>"), values as written (quoted either way).
std::map<std::string, std::string> attributesOf(const std::string& tag) {
  std::map<std::string, std::string> out;
  std::size_t at = tag.find_first_of(" \t\n");
  while (at != std::string::npos && at < tag.size()) {
    const auto eq = tag.find('=', at);
    if (eq == std::string::npos) break;
    std::string name = tag.substr(at, eq - at);
    name.erase(0, name.find_first_not_of(" \t\n"));
    name.erase(name.find_last_not_of(" \t\n") + 1);
    const auto quote = tag.find_first_of("\"'", eq);
    if (quote == std::string::npos) break;
    const auto endQuote = tag.find(tag[quote], quote + 1);
    if (endQuote == std::string::npos) break;
    out[name] = tag.substr(quote + 1, endQuote - quote - 1);
    at = endQuote + 1;
  }
  return out;
}

/// Character data with the entities XML and Graphviz write (&amp; &lt; &gt; &quot; &apos;
/// &#45; &#x2d;) decoded to UTF-8.
std::string decodeEntities(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const auto semi = text.find(';', i);
    if (semi == std::string::npos) {
      out += text[i];
      continue;
    }
    const std::string name = text.substr(i + 1, semi - i - 1);
    long code = -1;
    if (name == "amp") code = '&';
    else if (name == "lt") code = '<';
    else if (name == "gt") code = '>';
    else if (name == "quot") code = '"';
    else if (name == "apos") code = '\'';
    else if (name.size() > 2 && name[0] == '#' && (name[1] == 'x' || name[1] == 'X')) code = std::strtol(name.c_str() + 2, nullptr, 16);
    else if (name.size() > 1 && name[0] == '#') code = std::strtol(name.c_str() + 1, nullptr, 10);
    if (code <= 0 || code > 0x10FFFF) {
      out += text[i];
      continue;
    }
    const auto c = static_cast<unsigned long>(code);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
    i = semi;
  }
  return out;
}

std::optional<double> single(const std::map<std::string, std::string>& attrs, const std::string& name) {
  const auto it = attrs.find(name);
  if (it == attrs.end()) return std::nullopt;
  const std::vector<double> v = numbersIn(it->second);
  if (v.size() != 1) return std::nullopt;
  return v[0];
}

/// The text of one <text> element, placed by `m`; nothing when it cannot be placed exactly.
std::optional<SvgText> textOf(const std::string& startTag, const std::string& content, const Affine& m) {
  if (content.find('<') != std::string::npos) return std::nullopt;  // tspans: left to the SVG painter
  const auto attrs = attributesOf(startTag);
  Affine here = m;
  if (const auto t = attrs.find("transform"); t != attrs.end()) {
    const auto own = parseTransform(t->second);
    if (!own) return std::nullopt;
    here = m.then(*own);
  }
  const auto x = single(attrs, "x"), y = single(attrs, "y");
  if ((attrs.count("x") && !x) || (attrs.count("y") && !y)) return std::nullopt;  // per-glyph lists
  SvgText t;
  t.x = here.a * x.value_or(0) + here.e;
  t.y = here.d * y.value_or(0) + here.f;
  // SVG's default font size is medium, 16 user units.
  t.size = single(attrs, "font-size").value_or(16) * here.a;
  t.text = decodeEntities(content);
  const auto value = [&](const char* name) {
    const auto it = attrs.find(name);
    return it == attrs.end() ? std::string() : it->second;
  };
  t.family = value("font-family");
  t.fill = value("fill");
  const std::string weight = value("font-weight");
  t.bold = weight == "bold" || weight == "bolder" || std::atoi(weight.c_str()) >= 600;
  t.italic = value("font-style") == "italic" || value("font-style") == "oblique";
  const std::string anchor = value("text-anchor");
  t.anchor = anchor == "middle" ? SvgText::Anchor::Middle : anchor == "end" ? SvgText::Anchor::End : SvgText::Anchor::Start;
  return t;
}

bool startsTag(const std::string& s, std::size_t at, const char* name) {
  const std::string n(name);
  if (s.compare(at + 1, n.size(), n) != 0) return false;
  const char next = at + 1 + n.size() < s.size() ? s[at + 1 + n.size()] : '\0';
  return next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\n';
}

}  // namespace

SeparatedSvg separateSvgText(const std::string& svg) {
  SeparatedSvg out;
  // The transforms of the open <g> elements, outermost first; nothing marks one that turns.
  std::vector<std::optional<Affine>> groups;
  const auto current = [&]() -> std::optional<Affine> {
    Affine m;
    for (const auto& g : groups) {
      if (!g) return std::nullopt;
      m = m.then(*g);
    }
    return m;
  };
  std::size_t copied = 0;
  for (std::size_t at = svg.find('<'); at != std::string::npos; at = svg.find('<', at + 1)) {
    if (svg.compare(at, 4, "<!--") == 0) {
      const auto end = svg.find("-->", at);
      if (end == std::string::npos) break;
      at = end;
      continue;
    }
    const auto tagEnd = svg.find('>', at);
    if (tagEnd == std::string::npos) break;
    const std::string tag = svg.substr(at, tagEnd - at + 1);
    const bool selfClosing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    if (startsTag(svg, at, "svg") && out.viewWidth == 0) {
      const auto attrs = attributesOf(tag);
      const auto box = attrs.find("viewBox");
      const std::vector<double> v = box == attrs.end() ? std::vector<double>{} : numbersIn(box->second);
      if (v.size() == 4) {
        out.viewX = v[0];
        out.viewY = v[1];
        out.viewWidth = v[2];
        out.viewHeight = v[3];
      } else {
        // "640" or "640pt": the number, which is what user units measure without a viewBox.
        if (const auto it = attrs.find("width"); it != attrs.end()) out.viewWidth = std::strtod(it->second.c_str(), nullptr);
        if (const auto it = attrs.find("height"); it != attrs.end()) out.viewHeight = std::strtod(it->second.c_str(), nullptr);
      }
    } else if (startsTag(svg, at, "g") && !selfClosing) {
      const auto attrs = attributesOf(tag);
      const auto t = attrs.find("transform");
      groups.push_back(t == attrs.end() ? std::optional<Affine>(Affine{}) : parseTransform(t->second));
    } else if (svg.compare(at, 4, "</g>") == 0) {
      if (!groups.empty()) groups.pop_back();
    } else if (startsTag(svg, at, "text") && !selfClosing) {
      const auto close = svg.find("</text>", tagEnd);
      if (close == std::string::npos) break;
      const auto m = current();
      const auto text = m ? textOf(tag, svg.substr(tagEnd + 1, close - tagEnd - 1), *m) : std::nullopt;
      if (text) {
        out.texts.push_back(*text);
        out.shapes += svg.substr(copied, at - copied);
        copied = close + 7;
      }
      at = close;
    }
  }
  out.shapes += svg.substr(copied);
  return out;
}

}  // namespace pillars::review
