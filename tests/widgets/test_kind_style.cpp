// Every kind Pillars ships has a glyph of its own and a summary line on its card: a new kind
// that falls back to the generic circle, or looks like another kind, fails here.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <set>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "widgets/canvas/kind_style.hpp"

namespace pillars {
namespace {

QImage glyph(const std::string& kind) {
  QImage image(48, 48, QImage::Format_ARGB32);
  image.fill(Qt::transparent);
  QPainter p(&image);
  kindstyle::drawGlyph(p, QRectF(0, 0, 48, 48), kind);
  p.end();
  // Compare shapes, not the pillar's colour.
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) image.setPixel(x, y, qAlpha(image.pixel(x, y)) > 64 ? 0xff000000u : 0u);
  }
  return image;
}

TEST(KindStyle, EveryBuiltInKindHasItsOwnGlyph) {
  const QImage fallback = glyph("no such kind");
  std::vector<std::pair<std::string, QImage>> seen;
  for (const auto& kind : builtinRegistry().kinds()) {
    SCOPED_TRACE(kind->name);
    const QImage g = glyph(kind->name);
    EXPECT_NE(g, fallback) << "drawn as the generic circle";
    for (const auto& [other, image] : seen) EXPECT_NE(g, image) << "looks like " << other;
    seen.emplace_back(kind->name, g);
  }
  EXPECT_GE(seen.size(), 10u);
}

TEST(KindStyle, EveryBuiltInKindHasASummaryLine) {
  for (const auto& kind : builtinRegistry().kinds()) {
    ComponentSpec c;
    c.id = "x";
    c.kind = kind->name;
    c.params = ParamSet(kind->params);
    EXPECT_FALSE(kindstyle::summary(c).isEmpty()) << kind->name;
  }
}

}  // namespace
}  // namespace pillars
