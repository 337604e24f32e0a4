#pragma once

#include <QSize>
#include <QStyledItemDelegate>

class QListWidget;
class QListWidgetItem;

namespace pillars {

struct TemplateEntry;

/// Roles under which a template's list item carries what its card shows.
enum TemplateCardRole { kCardCaptionRole = Qt::UserRole + 1, kCardPathRole };

/// Paints a template as a card: a framed thumbnail, the name in bold and a caption in grey (its
/// size in the gallery, its one-line description on the start page). The selected card gets
/// the highlight colour as a frame rather than a solid fill, so the thumbnail stays readable.
class TemplateCardDelegate final : public QStyledItemDelegate {
 public:
  static constexpr int kMargin = 8;    // between cards
  static constexpr int kPadding = 10;  // inside a card

  /// `captionLines` > 1 wraps the caption over that many lines, the last one elided.
  TemplateCardDelegate(QSize thumbnailSize, QObject* parent, int captionLines = 1);
  /// The width of one card with its margins.
  int cardWidth() const;

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

 private:
  QSize m_thumbnail;
  int m_captionLines;
};

/// A list of template cards: icon mode, static, on the window's colour (cards are Base), with
/// hover frames. The gallery and the start page show templates the same way.
void setUpTemplateCardList(QListWidget& list, QSize thumbnailSize, int captionLines = 1);
/// Adds a card for `entry` with `caption` under its name and the description as its tooltip.
QListWidgetItem* addTemplateCard(QListWidget& list, const TemplateEntry& entry, const QString& caption);

}  // namespace pillars
