#pragma once
// Vector figures inside a QTextDocument: rich text can show images but not SVG, so each figure
// is a custom text object whose handler paints the SVG's shapes with QSvgRenderer and its texts
// with QPainter::drawText (figure_text.hpp). On a QPdfWriter that gives paths and real text
// (searchable, sharp at any zoom); on a QImage it gives pixels. The same object paints the
// figures that have pages of their own (printed_report.hpp).

#include <QObject>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QTextObjectInterface>
#include <map>
#include <memory>
#include <vector>

#include "engine/review/report_html.hpp"
#include "engine/review/report_svg_text.hpp"

class QSvgRenderer;
class QTextDocument;

namespace pillars::reportpdf {

class SvgFigureObject : public QObject, public QTextObjectInterface {
  Q_OBJECT
  Q_INTERFACES(QTextObjectInterface)

 public:
  /// The text object type of a figure (QTextFormat::objectType of its character).
  static constexpr int kObjectType = QTextFormat::UserObject + 1;
  /// The character format property holding the figure's name ("pillars:diagram").
  static constexpr int kNameProperty = QTextFormat::UserProperty + 1;

  /// Parses every figure's SVG once; the renderers live as long as this object.
  explicit SvgFigureObject(const std::vector<review::ReportFigure>& figures, QObject* parent = nullptr);
  ~SvgFigureObject() override;

  /// Registers this handler with `doc`'s layout and replaces every image of a known figure
  /// (an <img src="pillars:..."> of the rich-text HTML) by a figure object. Call after each
  /// setHtml; returns how many images were replaced.
  int install(QTextDocument& doc);

  /// The size a figure is shown at, in CSS pixels (its width, the height from its aspect).
  QSizeF shownSize(const QString& name) const;
  /// The figure's own size: its SVG's viewBox, in SVG units (points for Graphviz drawings).
  QSizeF naturalSize(const QString& name) const;

  /// Paints figure `name` into `target`: its shapes, then its texts as text.
  void paint(QPainter& painter, const QString& name, const QRectF& target) const;

  QSizeF intrinsicSize(QTextDocument* doc, int posInDocument, const QTextFormat& format) override;
  void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int posInDocument,
                  const QTextFormat& format) override;

 private:
  struct Figure {
    std::unique_ptr<QSvgRenderer> shapes;
    std::vector<review::SvgText> texts;
    QRectF view;
    QSizeF shown;
  };
  std::map<QString, Figure> m_figures;
};

}  // namespace pillars::reportpdf
