#pragma once
// The review report as an A4 PDF, painted with Qt (Gui + Svg only, no widgets): the rich-text
// flavour of the HTML report laid out by QTextDocument, figures rendered from their SVG with
// QtSvg, page numbers in the footer. Needs a QGuiApplication (fonts); the CLI creates one with
// the offscreen platform. The engine stays Qt-free: this library sits beside it.

#include <string>
#include <vector>

#include "engine/review/report_model.hpp"

namespace pillars::reportpdf {

/// Writes the PDF to `path`. Returns an empty string on success, otherwise why it failed.
std::string writeReportPdf(const review::Report& report, const std::string& path);

/// Paints the same pages as PNG files `prefix-1.png`, `prefix-2.png`, ... at `dpi`, to look at
/// the layout without a PDF viewer. Returns the number of pages written (0 on failure).
int writeReportPagePngs(const review::Report& report, const std::string& prefix, int dpi);

/// A figure as printed: its name, printed size and own (SVG viewBox) size.
struct PrintedFigure {
  std::string name;                     // "pillars:diagram"
  double widthPt = 0, heightPt = 0;     // on paper
  double naturalWidth = 0, naturalHeight = 0;  // the SVG's viewBox: widthPt / naturalWidth is its scale
};

/// What one laid-out page holds: its paragraphs' text (figures are object characters, U+FFFC;
/// a figure page lists each figure's character and its caption), how many figures start on it,
/// which they are, its orientation and how much of its text area it fills. For tests of the
/// layout, without painting.
struct PageContent {
  std::vector<std::string> paragraphs;
  int figures = 0;
  std::vector<PrintedFigure> printed;  // the figures drawn on it
  bool landscape = false;
  bool figurePage = false;  // a page of its own for figures of the topology
  /// Text pages: the bottom of the last line, as a share of the text area's height. Figure
  /// pages: the share of the text area's width or height the figures span, whichever is more.
  double filled = 0;
};
std::vector<PageContent> layOutPages(const review::Report& report);

}  // namespace pillars::reportpdf
