#include "widgets/report_pdf/svg_figure_object.hpp"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include "widgets/report_pdf/figure_text.hpp"

namespace pillars::reportpdf {

namespace {

QString qs(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

}  // namespace

SvgFigureObject::SvgFigureObject(const std::vector<review::ReportFigure>& figures, QObject* parent)
    : QObject(parent) {
  for (const auto& figure : figures) {
    const review::SeparatedSvg separated = review::separateSvgText(figure.svg);
    Figure f;
    f.shapes = std::make_unique<QSvgRenderer>(QByteArray::fromStdString(separated.shapes));
    f.texts = separated.texts;
    f.view = QRectF(separated.viewX, separated.viewY, separated.viewWidth, separated.viewHeight);
    if (f.view.isEmpty()) f.view = QRectF(QPointF(0, 0), QSizeF(f.shapes->defaultSize()));
    if (f.view.isEmpty()) f.view = QRectF(0, 0, figure.widthPx, figure.widthPx / 2);
    f.shown = QSizeF(figure.widthPx, figure.widthPx * f.view.height() / f.view.width());
    m_figures.emplace(qs(figure.name), std::move(f));
  }
}

SvgFigureObject::~SvgFigureObject() = default;

int SvgFigureObject::install(QTextDocument& doc) {
  doc.documentLayout()->registerHandler(kObjectType, this);
  // Collect first, replace after: editing the document while walking its fragments would
  // invalidate the iterators. Each image is one character and so is its replacement, so the
  // positions stay valid.
  std::vector<std::pair<int, QString>> images;
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      const QTextFragment fragment = it.fragment();
      if (!fragment.charFormat().isImageFormat()) continue;
      const QString name = fragment.charFormat().toImageFormat().name();
      if (m_figures.count(name) == 0) continue;
      for (int i = 0; i < fragment.length(); ++i) images.emplace_back(fragment.position() + i, name);
    }
  }
  QTextCursor cursor(&doc);
  for (const auto& [position, name] : images) {
    cursor.setPosition(position);
    cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
    QTextCharFormat format;
    format.setObjectType(kObjectType);
    format.setProperty(kNameProperty, name);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
  }
  return static_cast<int>(images.size());
}

QSizeF SvgFigureObject::shownSize(const QString& name) const {
  const auto it = m_figures.find(name);
  return it == m_figures.end() ? QSizeF() : it->second.shown;
}

QSizeF SvgFigureObject::naturalSize(const QString& name) const {
  const auto it = m_figures.find(name);
  return it == m_figures.end() ? QSizeF() : it->second.view.size();
}

void SvgFigureObject::paint(QPainter& painter, const QString& name, const QRectF& target) const {
  const auto it = m_figures.find(name);
  if (it == m_figures.end()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  it->second.shapes->render(&painter, target);
  drawFigureTexts(painter, it->second.texts, it->second.view, target);
  painter.restore();
}

QSizeF SvgFigureObject::intrinsicSize(QTextDocument*, int, const QTextFormat& format) {
  return shownSize(format.stringProperty(kNameProperty));
}

void SvgFigureObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                                 const QTextFormat& format) {
  paint(*painter, format.stringProperty(kNameProperty), rect);
}

}  // namespace pillars::reportpdf
