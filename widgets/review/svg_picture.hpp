#pragma once

#include <QByteArray>
#include <QSvgRenderer>
#include <QWidget>

namespace pillars {

/// Draws an SVG (Graphviz's drawing of the decision tree) scaled to fit, keeping its aspect.
/// Qt6::Svg has the renderer but not QSvgWidget (that is Qt6::SvgWidgets), so it paints itself.
class SvgPicture final : public QWidget {
  Q_OBJECT

 public:
  explicit SvgPicture(QWidget* parent = nullptr);
  /// Returns false (and shows nothing) when the bytes are not a drawable SVG.
  bool setSvg(const QByteArray& svg);
  QSize sizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QSvgRenderer m_renderer;
};

}  // namespace pillars
