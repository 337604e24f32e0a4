// render_icon: build-time helper that turns the SVG app icon into one PNG size.
//   render_icon <icon.svg> <size> <out.png>
// The PNGs are build products, never committed, so they always match the SVG.
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: render_icon <icon.svg> <size> <out.png>\n");
    return 2;
  }
  char* end = nullptr;
  const long size = std::strtol(argv[2], &end, 10);
  if (*end != '\0' || size < 1 || size > 4096) {
    std::fprintf(stderr, "render_icon: size must be a whole number from 1 to 4096, got '%s'\n", argv[2]);
    return 2;
  }
  // No QGuiApplication: raster painting into a QImage needs no platform plugin or display,
  // and without a screen the PNG's resolution chunk does not depend on the build machine.
  QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
  if (!svg.isValid()) {
    std::fprintf(stderr, "render_icon: cannot read SVG %s\n", argv[1]);
    return 1;
  }
  const int px = static_cast<int>(size);
  QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  {
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter, QRectF(0, 0, px, px));
  }
  // PNG text chunks carry no timestamp here, so the same SVG gives byte-identical files.
  if (!image.save(QString::fromLocal8Bit(argv[3]), "PNG")) {
    std::fprintf(stderr, "render_icon: cannot write %s\n", argv[3]);
    return 1;
  }
  return 0;
}
