#pragma once
// The review report laid out in pages: the rich-text HTML flowed by QTextDocument on portrait
// A4 pages, and the topology's figures that need a page of their own (portrait or landscape,
// as review::planTopologyDiagram decided) on pages inserted after the page that announces them.
// The PDF, the PNG preview and the layout tests all paint or read this one layout.

#include <QSizeF>
#include <QString>
#include <QTextDocument>
#include <memory>
#include <vector>

#include "engine/review/report_html.hpp"
#include "engine/review/report_model.hpp"

class QPainter;

namespace pillars::reportpdf {

class SvgFigureObject;

/// A figure page: figures stacked top to bottom, each with its caption under it.
struct FigurePage {
  bool landscape = false;
  std::vector<QString> figures;  // figure names, in order
};

/// One page of the printed report: a page of the flowed text, or a figure page.
struct PrintedPage {
  int textPage = -1;    // the QTextDocument page, or -1
  int figurePage = -1;  // index into figurePages(), or -1
  bool landscape = false;
};

class PrintedReport {
 public:
  explicit PrintedReport(const review::Report& report);
  ~PrintedReport();
  PrintedReport(const PrintedReport&) = delete;
  PrintedReport& operator=(const PrintedReport&) = delete;

  const std::vector<PrintedPage>& pages() const { return m_pages; }
  const std::vector<FigurePage>& figurePages() const { return m_figurePages; }
  QTextDocument& document() { return m_doc; }
  const SvgFigureObject& figures() const { return *m_figures; }
  /// A figure's caption ("Figure 2. The topology."), for figure pages.
  QString caption(const QString& figure) const;

  /// The page's size in CSS pixels (96 per inch): A4, upright or turned.
  static QSizeF pageSize(bool landscape);

  /// Paints page `index` with `painter` already scaled to CSS pixels: its content and, on
  /// every page but the title page, the footer (title, date, page N of M).
  void paint(QPainter& painter, int index);

  /// Where figure `name` is drawn on figure page `figurePage`, in the page's CSS pixels.
  QRectF figureRect(int figurePage, const QString& name) const;

  /// The bottom of the last line on text page `textPage`, as a share of the text area's height.
  double textPageFilled(int textPage);

 private:
  void layOut(const review::Report& report);
  void paintFigurePage(QPainter& painter, const FigurePage& page) const;

  const review::Report& m_report;
  QTextDocument m_doc;
  SvgFigureObject* m_figures = nullptr;  // owned by m_doc
  std::vector<review::ReportFigure> m_figureList;
  std::vector<FigurePage> m_figurePages;
  std::vector<PrintedPage> m_pages;
};

}  // namespace pillars::reportpdf
