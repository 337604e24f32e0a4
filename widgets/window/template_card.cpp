#include "widgets/window/template_card.hpp"

#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "widgets/window/template_gallery.hpp"

namespace pillars {

namespace {

/// `text` broken into at most `lines` lines of `width`, the last one elided.
QStringList wrapped(const QString& text, const QFontMetrics& fm, int width, int lines) {
  QStringList out;
  QString rest = text.simplified();
  while (!rest.isEmpty() && out.size() + 1 < lines) {
    // The longest run of whole words that fits; a single word too long goes to the last line.
    qsizetype cut = -1;
    for (qsizetype space = rest.indexOf(QLatin1Char(' ')); space >= 0; space = rest.indexOf(QLatin1Char(' '), space + 1)) {
      if (fm.horizontalAdvance(rest.left(space)) > width) break;
      cut = space;
    }
    if (fm.horizontalAdvance(rest) <= width) cut = rest.size();
    if (cut <= 0) break;
    out << rest.left(cut);
    rest = rest.mid(cut).trimmed();
  }
  if (!rest.isEmpty()) out << fm.elidedText(rest, Qt::ElideRight, width);
  return out;
}

}  // namespace

TemplateCardDelegate::TemplateCardDelegate(QSize thumbnailSize, QObject* parent, int captionLines)
    : QStyledItemDelegate(parent), m_thumbnail(thumbnailSize), m_captionLines(std::max(1, captionLines)) {}

int TemplateCardDelegate::cardWidth() const { return m_thumbnail.width() + 2 * (kMargin + kPadding); }

QSize TemplateCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
  const QFontMetrics fm(option.font);
  return {cardWidth(), m_thumbnail.height() + 2 * (kMargin + kPadding) + 8 + (1 + m_captionLines) * fm.height() + 2};
}

void TemplateCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  const QPalette& pal = option.palette;
  const bool selected = (option.state & QStyle::State_Selected) != 0;
  const bool hovered = (option.state & QStyle::State_MouseOver) != 0;
  const QRectF card = QRectF(option.rect).adjusted(kMargin + 0.5, kMargin + 0.5, -kMargin - 0.5, -kMargin - 0.5);

  QPainterPath outline;
  outline.addRoundedRect(card, 8, 8);
  painter->fillPath(outline, pal.color(QPalette::Base));
  QColor frame = pal.color(QPalette::Mid);
  if (hovered) frame = pal.color(QPalette::Highlight).lighter(150);
  if (selected) frame = pal.color(QPalette::Highlight);
  painter->setPen(QPen(frame, selected ? 2.5 : 1.0));
  painter->drawPath(outline);

  const QRectF thumb(card.left() + kPadding - 0.5, card.top() + kPadding - 0.5, m_thumbnail.width(),
                     m_thumbnail.height());
  const QImage image = index.data(Qt::DecorationRole).value<QImage>();
  if (!image.isNull()) painter->drawImage(thumb, image);
  painter->setPen(QPen(pal.color(QPalette::Midlight), 1.0));
  painter->drawRoundedRect(thumb, 4, 4);

  QFont bold = option.font;
  bold.setBold(true);
  const QFontMetrics fm(option.font);
  QRectF text(thumb.left(), thumb.bottom() + 8, thumb.width(), fm.height());
  painter->setFont(bold);
  painter->setPen(pal.color(QPalette::Text));
  const QString name = QFontMetrics(bold).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                                     static_cast<int>(text.width()));
  painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, name);
  text.translate(0, fm.height() + 2);
  painter->setFont(option.font);
  painter->setPen(pal.color(QPalette::PlaceholderText));
  for (const QString& line :
       wrapped(index.data(kCardCaptionRole).toString(), fm, static_cast<int>(text.width()), m_captionLines)) {
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, line);
    text.translate(0, fm.height());
  }

  // No separate focus rectangle: the current card is always the selected one here, and its
  // highlighted frame already shows keyboard users where they are.
  painter->restore();
}

void setUpTemplateCardList(QListWidget& list, QSize thumbnailSize, int captionLines) {
  list.setViewMode(QListView::IconMode);
  list.setResizeMode(QListView::Adjust);
  list.setMovement(QListView::Static);
  list.setUniformItemSizes(true);
  list.setSelectionMode(QAbstractItemView::SingleSelection);
  list.setMouseTracking(true);  // hover frames
  list.setItemDelegate(new TemplateCardDelegate(thumbnailSize, &list, captionLines));
  list.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  list.setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
  list.setFrameShape(QFrame::NoFrame);
  // Cards (Base) on the window colour, like a gallery page rather than a white table.
  list.setBackgroundRole(QPalette::Window);
  list.viewport()->setBackgroundRole(QPalette::Window);
}

QListWidgetItem* addTemplateCard(QListWidget& list, const TemplateEntry& entry, const QString& caption) {
  auto* item = new QListWidgetItem(entry.name, &list);
  item->setData(Qt::DecorationRole, entry.thumbnail);
  item->setData(kCardCaptionRole, caption);
  item->setData(kCardPathRole, entry.path);
  item->setToolTip(entry.description);
  return item;
}

}  // namespace pillars
