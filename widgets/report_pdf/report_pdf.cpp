#include "widgets/report_pdf/report_pdf.hpp"

#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <algorithm>

#include "widgets/report_pdf/printed_report.hpp"
#include "widgets/report_pdf/svg_figure_object.hpp"
#include "engine/review/report_page.hpp"

namespace pillars::reportpdf {

namespace {

constexpr double kCssDpi = 96.0;
constexpr double kPtPerCss = 72.0 / kCssDpi;

QString qs(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

PrintedFigure printedFigure(const SvgFigureObject& figures, const QString& name) {
  const QSizeF shown = figures.shownSize(name), natural = figures.naturalSize(name);
  return {name.toStdString(), shown.width() * kPtPerCss, shown.height() * kPtPerCss, natural.width(), natural.height()};
}

}  // namespace

std::string writeReportPdf(const review::Report& report, const std::string& path) {
  PrintedReport printed(report);
  if (printed.pages().empty()) return "the report has no pages";
  QPdfWriter writer(qs(path));
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setPageMargins(QMarginsF(0, 0, 0, 0));
  writer.setResolution(300);
  writer.setTitle(qs(report.title));
  writer.setCreator(QStringLiteral("Pillars"));
  const auto orient = [&](bool landscape) {
    writer.setPageOrientation(landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
  };
  // A page's orientation applies from the next page started, so each is set before its page.
  orient(printed.pages().front().landscape);
  QPainter painter;
  if (!painter.begin(&writer)) return "cannot write " + path;
  const double scale = writer.resolution() / kCssDpi;
  for (int i = 0; i < static_cast<int>(printed.pages().size()); ++i) {
    if (i > 0) {
      orient(printed.pages()[static_cast<std::size_t>(i)].landscape);
      writer.newPage();
    }
    painter.resetTransform();
    painter.scale(scale, scale);
    printed.paint(painter, i);
  }
  painter.end();
  return {};
}

std::vector<PageContent> layOutPages(const review::Report& report) {
  PrintedReport printed(report);
  QTextDocument& doc = printed.document();
  const double textHeight = doc.pageSize().height();
  std::vector<PageContent> pages;
  for (const PrintedPage& page : printed.pages()) {
    PageContent content;
    content.landscape = page.landscape;
    if (page.figurePage >= 0) {
      content.figurePage = true;
      const FigurePage& figures = printed.figurePages()[static_cast<std::size_t>(page.figurePage)];
      const review::PageBox box = review::contentBox(page.landscape);
      double height = 0, width = 0;
      for (const QString& name : figures.figures) {
        content.paragraphs.push_back(QString(QChar::ObjectReplacementCharacter).toStdString());
        content.paragraphs.push_back(printed.caption(name).toStdString());
        ++content.figures;
        content.printed.push_back(printedFigure(printed.figures(), name));
        height += content.printed.back().heightPt + review::kFigureCaptionPt;
        width = std::max(width, content.printed.back().widthPt);
      }
      content.filled = std::max(height / box.height, width / box.width);
    } else {
      content.filled = printed.textPageFilled(page.textPage);
    }
    pages.push_back(std::move(content));
  }
  // Text pages: each block on the page its first line is on.
  std::vector<std::size_t> indexOfTextPage(static_cast<std::size_t>(doc.pageCount()), pages.size());
  for (std::size_t i = 0; i < printed.pages().size(); ++i) {
    const int t = printed.pages()[i].textPage;
    if (t >= 0 && t < doc.pageCount()) indexOfTextPage[static_cast<std::size_t>(t)] = i;
  }
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    const QString text = block.text().trimmed();
    if (text.isEmpty()) continue;
    const auto t = static_cast<std::size_t>(doc.documentLayout()->blockBoundingRect(block).top() / textHeight);
    if (t >= indexOfTextPage.size() || indexOfTextPage[t] >= pages.size()) continue;
    PageContent& page = pages[indexOfTextPage[t]];
    page.paragraphs.push_back(text.toStdString());
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      const QTextCharFormat format = it.fragment().charFormat();
      if (format.objectType() != SvgFigureObject::kObjectType) continue;
      ++page.figures;
      page.printed.push_back(printedFigure(printed.figures(), format.stringProperty(SvgFigureObject::kNameProperty)));
    }
  }
  return pages;
}

int writeReportPagePngs(const review::Report& report, const std::string& prefix, int dpi) {
  PrintedReport printed(report);
  const double scale = dpi / kCssDpi;
  bool ok = true;
  for (int i = 0; i < static_cast<int>(printed.pages().size()); ++i) {
    const QSizeF size = PrintedReport::pageSize(printed.pages()[static_cast<std::size_t>(i)].landscape) * scale;
    QImage image(size.toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.scale(scale, scale);
    printed.paint(painter, i);
    painter.end();
    ok = image.save(qs(prefix + "-" + std::to_string(i + 1) + ".png")) && ok;
  }
  return ok ? static_cast<int>(printed.pages().size()) : 0;
}

}  // namespace pillars::reportpdf
