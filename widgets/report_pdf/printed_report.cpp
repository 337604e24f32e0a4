#include "widgets/report_pdf/printed_report.hpp"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <algorithm>

#include "widgets/report_pdf/svg_figure_object.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_page.hpp"

namespace pillars::reportpdf {

namespace {

// The layout works in CSS pixels (96 per inch); the page's measures are review::report_page's
// points, so a figure planned for a box in points gets exactly that box.
constexpr double kCssPerPt = 96.0 / 72.0;
constexpr double kMarginX = review::kMarginSidePt * kCssPerPt;
constexpr double kMarginTop = review::kMarginTopPt * kCssPerPt;
constexpr double kMarginBottom = review::kMarginBottomPt * kCssPerPt;
constexpr double kCaptionRoom = review::kFigureCaptionPt * kCssPerPt;

QSizeF contentSize(bool landscape) {
  const review::PageBox box = review::contentBox(landscape);
  return {box.width * kCssPerPt, box.height * kCssPerPt};
}

QString qs(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

int pageOf(QTextDocument& doc, const QTextBlock& block, bool bottom) {
  const QRectF r = doc.documentLayout()->blockBoundingRect(block);
  return static_cast<int>((bottom ? r.bottom() - 1 : r.top()) / contentSize(false).height());
}

/// Lays the whole document out afresh. Qt's incremental relayout after a change of page size
/// or of a block's page-break policy left some blocks after a long table with no lines at all
/// (zero height, never painted: the Recommendations and Simulation sections went missing from
/// the PDF, and pageOf() read wrong pages for them).
void relayOut(QTextDocument& doc) {
  doc.markContentsDirty(0, doc.characterCount());
  (void)doc.documentLayout()->documentSize();
}

void breakBefore(const QTextBlock& block) {
  QTextCursor cursor(block);
  QTextBlockFormat format = block.blockFormat();
  format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
  cursor.setBlockFormat(format);
}

/// Qt's rich text knows neither <figure> nor "keep with next": a figure near the foot of a
/// page left its caption alone at the top of the next one, and a heading could end a page
/// with its text on the next. Such a figure or heading starts a page instead. Walking forward
/// keeps earlier decisions valid: a break only moves what comes after it.
bool isFigure(const QTextBlock& block) {
  return block.isValid() && block.text().contains(QChar::ObjectReplacementCharacter) && block.next().isValid() &&
         block.next().text().startsWith(QStringLiteral("Figure "));
}

void keepTogether(QTextDocument& doc) {
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    const QTextBlock next = block.next();
    if (!next.isValid()) break;
    const bool figure = isFigure(block);
    const bool heading = block.blockFormat().headingLevel() > 0;
    if (!figure && !heading) continue;
    // A figure needs its whole caption on its page; a heading the first line of its text, or,
    // when that text introduces a figure (the topology's), the figure and its caption too.
    const bool introducesFigure = heading && isFigure(next.next());
    const QTextBlock last = figure ? next : introducesFigure ? next.next().next() : next;
    if (pageOf(doc, block, false) != pageOf(doc, last, figure || introducesFigure)) {
      breakBefore(block);
      relayOut(doc);
    }
  }
}

/// The text page that ends the paragraph announcing the topology's figure pages, or -1.
int announcingPage(QTextDocument& doc) {
  const QString anchor = QString::fromLatin1(review::kFigurePagesAnchor);
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      if (it.fragment().charFormat().anchorNames().contains(anchor)) return pageOf(doc, block, true);
    }
  }
  return -1;
}

/// The figures that need pages of their own, stacked on as few pages as fit them (one
/// orientation per page), in the report's order.
std::vector<FigurePage> packFigurePages(const std::vector<review::ReportFigure>& figures,
                                        const SvgFigureObject& objects) {
  std::vector<FigurePage> pages;
  double used = 0;
  for (const auto& f : figures) {
    if (f.placement == review::DiagramPlacement::Inline) continue;
    const bool landscape = f.placement == review::DiagramPlacement::LandscapePage;
    const double height = objects.shownSize(qs(f.name)).height() + kCaptionRoom;
    if (pages.empty() || pages.back().landscape != landscape || used + height > contentSize(landscape).height() + 0.5) {
      pages.push_back({landscape, {}});
      used = 0;
    }
    pages.back().figures.push_back(qs(f.name));
    used += height;
  }
  return pages;
}

}  // namespace

PrintedReport::PrintedReport(const review::Report& report) : m_report(report) { layOut(report); }

PrintedReport::~PrintedReport() = default;

QSizeF PrintedReport::pageSize(bool landscape) {
  const double w = review::kA4ShortPt * kCssPerPt, h = review::kA4LongPt * kCssPerPt;
  return landscape ? QSizeF(h, w) : QSizeF(w, h);
}

QString PrintedReport::caption(const QString& figure) const {
  for (const auto& f : m_figureList) {
    if (qs(f.name) == figure) return qs(f.caption);
  }
  return {};
}

void PrintedReport::layOut(const review::Report& report) {
  QFont font(QStringLiteral("Helvetica"));
  font.setStyleHint(QFont::SansSerif);
  font.setPointSizeF(10);
  m_doc.setDefaultFont(font);
  m_doc.setDocumentMargin(0);
  m_figureList = review::reportFigures(report);
  // Owned by the document: its renderers live as long as the pages that paint them.
  m_figures = new SvgFigureObject(m_figureList, &m_doc);
  m_figurePages = packFigurePages(m_figureList, *m_figures);
  const auto flow = [&](const std::vector<int>& contentsPages) {
    m_doc.setHtml(qs(review::writeReportHtml(report, review::HtmlFlavour::RichText, contentsPages)));
    m_figures->install(m_doc);
    m_doc.setPageSize(contentSize(false));
    relayOut(m_doc);
    keepTogether(m_doc);
  };
  // Two passes: lay out once to learn the page each section starts on, then again with those
  // pages in the contents (a table of fixed rows, so the numbers do not move the text).
  flow({});
  const int announced = announcingPage(m_doc);
  const auto printedNumber = [&](int textPage) {
    const bool afterFigures = announced >= 0 && textPage > announced;
    return textPage + 1 + (afterFigures ? static_cast<int>(m_figurePages.size()) : 0);
  };
  std::vector<int> numbers;
  for (const auto& title : review::reportSectionTitles(report)) {
    int number = 0;
    for (QTextBlock block = m_doc.begin(); block.isValid(); block = block.next()) {
      if (block.blockFormat().headingLevel() != 2 || block.text() != qs(title)) continue;
      number = printedNumber(pageOf(m_doc, block, false));
      break;
    }
    numbers.push_back(number);
  }
  flow(numbers);

  const int textPages = m_doc.pageCount();
  int after = announcingPage(m_doc);
  if (after < 0 || after >= textPages) after = textPages - 1;  // never lose a figure
  for (int i = 0; i < textPages; ++i) {
    m_pages.push_back({i, -1, false});
    if (i != after) continue;
    for (int f = 0; f < static_cast<int>(m_figurePages.size()); ++f) {
      m_pages.push_back({-1, f, m_figurePages[static_cast<std::size_t>(f)].landscape});
    }
  }
}

QRectF PrintedReport::figureRect(int figurePage, const QString& name) const {
  const FigurePage& page = m_figurePages.at(static_cast<std::size_t>(figurePage));
  const QSizeF content = contentSize(page.landscape);
  double total = 0;
  for (const QString& f : page.figures) total += m_figures->shownSize(f).height() + kCaptionRoom;
  // The stack is centred on the page: a figure page reads as a plate, not as text cut short.
  double y = kMarginTop + std::max(0.0, (content.height() - total) / 2);
  for (const QString& f : page.figures) {
    const QSizeF shown = m_figures->shownSize(f);
    if (f == name) return {kMarginX + (content.width() - shown.width()) / 2, y, shown.width(), shown.height()};
    y += shown.height() + kCaptionRoom;
  }
  return {};
}

void PrintedReport::paintFigurePage(QPainter& painter, const FigurePage& page) const {
  const int index = static_cast<int>(&page - m_figurePages.data());
  QFont captionFont(QStringLiteral("Helvetica"));
  captionFont.setStyleHint(QFont::SansSerif);
  captionFont.setPixelSize(12);  // the rich text's 9 pt figcaption
  for (const QString& name : page.figures) {
    const QRectF rect = figureRect(index, name);
    m_figures->paint(painter, name, rect);
    painter.setFont(captionFont);
    painter.setPen(QColor(0x60, 0x7d, 0x8b));
    painter.drawText(QRectF(rect.left(), rect.bottom() + 4, std::max(rect.width(), 300.0), kCaptionRoom - 4),
                     Qt::AlignLeft | Qt::AlignTop, caption(name));
  }
}

void PrintedReport::paint(QPainter& painter, int index) {
  const PrintedPage& page = m_pages.at(static_cast<std::size_t>(index));
  const QSizeF size = pageSize(page.landscape);
  const QSizeF content = contentSize(page.landscape);
  if (page.textPage >= 0) {
    painter.save();
    painter.translate(kMarginX, kMarginTop - page.textPage * content.height());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = QRectF(0, page.textPage * content.height(), content.width(), content.height());
    painter.setClipRect(ctx.clip);
    m_doc.documentLayout()->draw(&painter, ctx);
    painter.restore();
  } else {
    paintFigurePage(painter, m_figurePages.at(static_cast<std::size_t>(page.figurePage)));
  }
  if (index == 0) return;  // the title page has no footer
  QFont footerFont(QStringLiteral("Helvetica"));
  footerFont.setStyleHint(QFont::SansSerif);
  // In pixels, not points: the painter is scaled to CSS pixels, and a point size would be
  // taken at the device's resolution first (300 dpi for the PDF), making it three times too big.
  footerFont.setPixelSize(11);
  const double lineY = size.height() - kMarginBottom + 22;
  painter.setPen(QColor(0x90, 0xa4, 0xae));
  painter.drawLine(QPointF(kMarginX, lineY), QPointF(size.width() - kMarginX, lineY));
  painter.setFont(footerFont);
  painter.setPen(QColor(0x54, 0x6e, 0x7a));
  const QRectF footer(kMarginX, lineY + 6, content.width(), 20);
  painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, qs(m_report.title + " \u2014 " + m_report.date));
  painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("Page %1 of %2").arg(index + 1).arg(m_pages.size()));
}

double PrintedReport::textPageFilled(int textPage) {
  const double height = contentSize(false).height();
  const double top = textPage * height;
  double bottom = top;
  for (QTextBlock block = m_doc.begin(); block.isValid(); block = block.next()) {
    // Empty blocks (page-break and anchor paragraphs) print nothing, so they fill nothing.
    if (block.text().trimmed().isEmpty()) continue;
    const QRectF r = m_doc.documentLayout()->blockBoundingRect(block);
    if (r.bottom() <= top || r.top() >= top + height) continue;
    bottom = std::max(bottom, std::min(r.bottom(), top + height));
  }
  return (bottom - top) / height;
}

}  // namespace pillars::reportpdf
