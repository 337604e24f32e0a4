#pragma once
// The printed page of the review report, in points (1/72 inch): A4 with the margins the PDF
// writer uses. The topology's figures are planned for these boxes and the PDF writer lays its
// pages out with the same numbers, so a figure is printed at the size it was planned for.

namespace pillars::review {

struct PageBox {
  double width = 0, height = 0;
};

inline constexpr double kA4ShortPt = 595.276;  // 210 mm
inline constexpr double kA4LongPt = 841.890;   // 297 mm
inline constexpr double kMarginSidePt = 48;    // about 17 mm
inline constexpr double kMarginTopPt = 45;
inline constexpr double kMarginBottomPt = 57;  // the footer sits in it
/// What a page given to figures keeps under each figure for its caption.
inline constexpr double kFigureCaptionPt = 26;

/// The text area of a portrait or a landscape page.
constexpr PageBox contentBox(bool landscape) {
  const double w = landscape ? kA4LongPt : kA4ShortPt;
  const double h = landscape ? kA4ShortPt : kA4LongPt;
  return {w - 2 * kMarginSidePt, h - kMarginTopPt - kMarginBottomPt};
}

/// The most a figure in the running text may take: the text's width and under half the
/// page's height, so a figure that moves to the next page never leaves half a page empty.
constexpr PageBox inlineFigureBox() { return {contentBox(false).width, 0.45 * contentBox(false).height}; }

/// A page of its own for one figure: the text area less the figure's caption.
constexpr PageBox figurePageBox(bool landscape) {
  return {contentBox(landscape).width, contentBox(landscape).height - kFigureCaptionPt};
}

}  // namespace pillars::review
