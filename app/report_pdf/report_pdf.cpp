#include "app/report_pdf/report_pdf.hpp"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <functional>

#include "app/report_pdf/svg_figure_object.hpp"
#include "engine/review/report_html.hpp"

namespace pillars::reportpdf {

namespace {

// The layout works in CSS pixels (96 per inch) on an A4 page; devices scale it to their DPI.
constexpr double kCssDpi = 96.0;
constexpr double kPageW = 210.0 / 25.4 * kCssDpi;  // 793.7
constexpr double kPageH = 297.0 / 25.4 * kCssDpi;  // 1122.5
constexpr double kMarginX = 64.0;                  // about 17 mm
constexpr double kMarginTop = 60.0;
constexpr double kMarginBottom = 76.0;             // room for the footer
constexpr double kContentW = kPageW - 2 * kMarginX;
constexpr double kContentH = kPageH - kMarginTop - kMarginBottom;
QString qs(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

int pageOf(QTextDocument& doc, const QTextBlock& block, bool bottom) {
  const QRectF r = doc.documentLayout()->blockBoundingRect(block);
  return static_cast<int>((bottom ? r.bottom() - 1 : r.top()) / kContentH);
}

/// Qt's rich text knows no <figure>: a figure near the foot of a page left its caption alone at
/// the top of the next one. A figure whose caption would fall on another page starts a page.
void keepCaptionsWithFigures(QTextDocument& doc) {
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    const QTextBlock caption = block.next();
    const bool figure = block.text().contains(QChar::ObjectReplacementCharacter) && caption.isValid() &&
                        caption.text().startsWith(QStringLiteral("Figure "));
    if (!figure || pageOf(doc, block, false) == pageOf(doc, caption, true)) continue;
    QTextCursor cursor(block);
    QTextBlockFormat format = block.blockFormat();
    format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
    cursor.setBlockFormat(format);
  }
}

/// The report laid out in pages of kContentW x kContentH, each figure a vector object
/// (SvgFigureObject) that paints its SVG wherever the page is painted.
void buildDocument(const review::Report& report, QTextDocument& doc) {
  QFont font(QStringLiteral("Helvetica"));
  font.setStyleHint(QFont::SansSerif);
  font.setPointSizeF(10);
  doc.setDefaultFont(font);
  doc.setDocumentMargin(0);
  // Owned by the document: its renderers live as long as the pages that paint them.
  auto* figures = new SvgFigureObject(review::reportFigures(report), &doc);
  // Two passes: lay out once to learn the page each section starts on, then again with those
  // pages in the contents (it has a page of its own, so the numbers do not move).
  doc.setHtml(qs(review::writeReportHtml(report, review::HtmlFlavour::RichText)));
  figures->install(doc);
  doc.setPageSize(QSizeF(kContentW, kContentH));
  keepCaptionsWithFigures(doc);
  std::vector<int> pages;
  for (const auto& title : review::reportSectionTitles(report)) {
    int page = 0;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
      if (block.blockFormat().headingLevel() != 2 || block.text() != qs(title)) continue;
      page = static_cast<int>(doc.documentLayout()->blockBoundingRect(block).top() / kContentH) + 1;
      break;
    }
    pages.push_back(page);
  }
  doc.setHtml(qs(review::writeReportHtml(report, review::HtmlFlavour::RichText, pages)));
  figures->install(doc);
  doc.setPageSize(QSizeF(kContentW, kContentH));
  keepCaptionsWithFigures(doc);
}

/// Paints every page: `beginPage(i)` gives a painter already scaled to CSS pixels, `endPage`
/// finishes it. Page 1 is the title page and has no footer.
int paintPages(const review::Report& report, QTextDocument& doc, const std::function<QPainter*(int)>& beginPage,
               const std::function<void()>& endPage) {
  const int pages = doc.pageCount();
  QFont footerFont(QStringLiteral("Helvetica"));
  footerFont.setStyleHint(QFont::SansSerif);
  // In pixels, not points: the painter is scaled to CSS pixels, and a point size would be
  // taken at the device's resolution first (300 dpi for the PDF), making it three times too big.
  footerFont.setPixelSize(11);
  for (int i = 0; i < pages; ++i) {
    QPainter* p = beginPage(i);
    if (!p) return 0;
    p->save();
    p->translate(kMarginX, kMarginTop - i * kContentH);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = QRectF(0, i * kContentH, kContentW, kContentH);
    p->setClipRect(ctx.clip);
    doc.documentLayout()->draw(p, ctx);
    p->restore();
    if (i > 0) {
      p->setPen(QColor(0x90, 0xa4, 0xae));
      p->drawLine(QPointF(kMarginX, kPageH - kMarginBottom + 22), QPointF(kPageW - kMarginX, kPageH - kMarginBottom + 22));
      p->setFont(footerFont);
      p->setPen(QColor(0x54, 0x6e, 0x7a));
      const QRectF footer(kMarginX, kPageH - kMarginBottom + 28, kContentW, 20);
      p->drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, qs(report.title + " \u2014 " + report.date));
      p->drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                  QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages));
    }
    endPage();
  }
  return pages;
}

}  // namespace

std::string writeReportPdf(const review::Report& report, const std::string& path) {
  QTextDocument doc;
  buildDocument(report, doc);
  QPdfWriter writer(qs(path));
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setPageMargins(QMarginsF(0, 0, 0, 0));
  writer.setResolution(300);
  writer.setTitle(qs(report.title));
  writer.setCreator(QStringLiteral("Pillars"));
  QPainter painter;
  if (!painter.begin(&writer)) return "cannot write " + path;
  const double scale = writer.resolution() / kCssDpi;
  const int pages = paintPages(
      report, doc,
      [&](int page) -> QPainter* {
        if (page > 0) writer.newPage();
        painter.resetTransform();
        painter.scale(scale, scale);
        return &painter;
      },
      [] {});
  painter.end();
  if (pages == 0) return "the report has no pages";
  return {};
}

std::vector<PageContent> layOutPages(const review::Report& report) {
  QTextDocument doc;
  buildDocument(report, doc);
  std::vector<PageContent> pages(static_cast<std::size_t>(doc.pageCount()));
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    const QString text = block.text().trimmed();
    if (text.isEmpty()) continue;
    const auto page = static_cast<std::size_t>(pageOf(doc, block, false));
    if (page >= pages.size()) continue;
    pages[page].paragraphs.push_back(text.toStdString());
    if (text.contains(QChar::ObjectReplacementCharacter)) ++pages[page].figures;
  }
  return pages;
}

int writeReportPagePngs(const review::Report& report, const std::string& prefix, int dpi) {
  QTextDocument doc;
  buildDocument(report, doc);
  const double scale = dpi / kCssDpi;
  QImage image(QSize(static_cast<int>(kPageW * scale), static_cast<int>(kPageH * scale)), QImage::Format_RGB32);
  QPainter painter;
  int current = 0;
  bool ok = true;
  const int pages = paintPages(
      report, doc,
      [&](int page) -> QPainter* {
        current = page;
        image.fill(Qt::white);
        painter.begin(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.scale(scale, scale);
        return &painter;
      },
      [&] {
        painter.end();
        ok = image.save(qs(prefix + "-" + std::to_string(current + 1) + ".png")) && ok;
      });
  return ok ? pages : 0;
}

}  // namespace pillars::reportpdf
