#include "app/report_pdf/svg_figure_object.hpp"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <cmath>

namespace pillars::reportpdf {

namespace {

QString qs(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

}  // namespace

SvgFigureObject::SvgFigureObject(const std::vector<review::ReportFigure>& figures, QObject* parent)
    : QObject(parent) {
  for (const auto& figure : figures) {
    Figure f;
    f.svg = std::make_unique<QSvgRenderer>(QByteArray::fromStdString(figure.svg));
    QSizeF natural = f.svg->defaultSize();
    if (natural.isEmpty()) natural = QSizeF(figure.widthPx, figure.widthPx / 2);
    const double shownH = figure.widthPx * natural.height() / natural.width();
    // The same size the figures had as pictures (a 3x image of whole pixels, shown at 1/3), so
    // the layout, and with it the page numbers in the contents, does not move.
    f.shown = QSizeF(figure.widthPx, std::floor(shownH * 3.0) / 3.0);
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

QSizeF SvgFigureObject::intrinsicSize(QTextDocument*, int, const QTextFormat& format) {
  return shownSize(format.stringProperty(kNameProperty));
}

void SvgFigureObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                                 const QTextFormat& format) {
  const auto it = m_figures.find(format.stringProperty(kNameProperty));
  if (it == m_figures.end()) return;
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setRenderHint(QPainter::TextAntialiasing);
  it->second.svg->render(painter, rect);
  painter->restore();
}

}  // namespace pillars::reportpdf
