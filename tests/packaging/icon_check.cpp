// icon_check: the window icon the app sets (":/icons/pillars.svg", compiled into the widgets
// library) exists, is a square SVG, and Qt's SVG icon engine draws it at the small sizes
// title bars and taskbars ask for. Runs offscreen.
#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QSvgRenderer>
#include <cstdio>
#include <string>

namespace {

int failures = 0;

void expect(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

/// Share of the image's pixels that are fully opaque: the icon is a filled tile, so nearly all.
double opaqueShare(const QImage& image) {
  const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
  long opaque = 0;
  for (int y = 0; y < argb.height(); ++y) {
    for (int x = 0; x < argb.width(); ++x) opaque += qAlpha(argb.pixel(x, y)) == 255 ? 1 : 0;
  }
  const long all = static_cast<long>(argb.width()) * argb.height();
  return all == 0 ? 0.0 : static_cast<double>(opaque) / static_cast<double>(all);
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  const QString path = QStringLiteral(":/icons/pillars.svg");

  QSvgRenderer svg(path);
  expect(svg.isValid(), "the resource :/icons/pillars.svg is a valid SVG");
  const QRectF box = svg.viewBoxF();
  expect(!box.isEmpty() && box.width() == box.height(), "its viewBox is square");

  const QIcon icon(path);
  for (const int size : {16, 32, 256}) {
    const QImage image = icon.pixmap(size, size).toImage();
    const std::string at = std::to_string(size) + "px";
    expect(image.width() == size && image.height() == size, "the icon engine draws it at " + at);
    expect(opaqueShare(image) > 0.8, "the " + at + " picture is drawn, not blank");
  }
  return failures == 0 ? 0 : 1;
}
