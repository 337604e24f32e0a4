#include "widgets/window/template_gallery.hpp"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/resource_paths.hpp"

namespace pillars {

namespace {

/// Past this the cards' text would be larger than in the thumbnails of bigger topologies,
/// and a two-component scenario would look like a different kind of drawing.
constexpr qreal kMaxThumbnailScale = 0.45;
constexpr qreal kSceneMargin = 30.0;

/// Roles under which each list item carries what its card shows.
enum Role { kFactsRole = Qt::UserRole + 1, kPathRole };

/// "7 components · 8 links · 3 groups" (zones and regions), as the status bar counts them.
/// Spelled out for one and many: the app ships without translation files, and "(s)" reads
/// like a form rather than a sentence.
QString factsText(const TemplateEntry& e) {
  const QString dot = QStringLiteral(" \u00b7 ");
  QString text = (e.components == 1 ? QObject::tr("1 component") : QObject::tr("%1 components").arg(e.components)) +
                 dot + (e.links == 1 ? QObject::tr("1 link") : QObject::tr("%1 links").arg(e.links));
  if (e.groups > 0) {
    text += dot + (e.groups == 1 ? QObject::tr("1 group") : QObject::tr("%1 groups").arg(e.groups));
  }
  return text;
}

/// Paints each template as a card: a framed thumbnail, the name in bold, its size in grey.
/// The selected card gets the highlight colour as a frame rather than a solid fill, so the
/// thumbnail stays readable while selected.
class CardDelegate final : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;

  static constexpr int kMargin = 8;   // between cards
  static constexpr int kPadding = 10;  // inside a card

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
    const QFontMetrics fm(option.font);
    const int width = TemplateGallery::kThumbnailSize.width() + 2 * (kMargin + kPadding);
    const int height = TemplateGallery::kThumbnailSize.height() + 2 * (kMargin + kPadding) + 8 +
                       2 * fm.height() + 2;
    return {width, height};
  }

  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
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

    const QSize thumbSize = TemplateGallery::kThumbnailSize;
    const QRectF thumb(card.left() + kPadding - 0.5, card.top() + kPadding - 0.5, thumbSize.width(),
                       thumbSize.height());
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
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, index.data(kFactsRole).toString());

    // No separate focus rectangle: the current card is always the selected one here, and its
    // highlighted frame already shows keyboard users where they are.
    painter->restore();
  }
};

}  // namespace

QImage renderThumbnail(TopologyDocument& document, QSize size, qreal devicePixelRatio) {
  const QColor background(0xfa, 0xfb, 0xfc);
  QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
  image.fill(background);
  image.setDevicePixelRatio(devicePixelRatio);
  TopologyScene scene(document);
  const QRectF source = scene.itemsBoundingRect().adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin);
  if (source.isEmpty()) return image;
  const qreal scale = std::min({size.width() / source.width(), size.height() / source.height(), kMaxThumbnailScale});
  // The canvas leaves out names below a certain zoom (it is fitting a thousand cards then);
  // a thumbnail wants them, so it is drawn at a zoom of about one, where the canvas shows
  // everything, and then scaled down smoothly (which also antialiases it well).
  const int supersample = std::clamp(static_cast<int>(std::ceil(1.0 / scale)), 2, 5);
  QImage large(size * devicePixelRatio * supersample, QImage::Format_ARGB32_Premultiplied);
  large.fill(background);
  QRectF target(QPointF(), source.size() * scale * devicePixelRatio * supersample);
  target.moveCenter(QRectF(QPointF(), QSizeF(large.size())).center());
  {
    QPainter painter(&large);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    scene.render(&painter, target, source, Qt::IgnoreAspectRatio);
  }
  image = large.scaled(size * devicePixelRatio, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  image.setDevicePixelRatio(devicePixelRatio);
  return image;
}

std::optional<TemplateEntry> readTemplate(const QString& path, QSize thumbnailSize, qreal devicePixelRatio) {
  TopologyDocument document;
  if (!document.load(path, nullptr)) return std::nullopt;
  const Scenario& s = document.scenario();
  TemplateEntry entry;
  entry.path = path;
  entry.name = s.name.empty() ? QFileInfo(path).completeBaseName() : QString::fromStdString(s.name);
  entry.description = QString::fromStdString(s.description);
  entry.components = static_cast<int>(s.components.size());
  entry.links = static_cast<int>(s.links.size());
  entry.groups = static_cast<int>(s.groups.size());
  entry.thumbnail = renderThumbnail(document, thumbnailSize, devicePixelRatio);
  return entry;
}

TemplateGallery::TemplateGallery(const QString& folder, QWidget* parent)
    : QDialog(parent),
      m_list(new QListWidget(this)),
      m_title(new QLabel(this)),
      m_facts(new QLabel(this)),
      m_description(new QLabel(this)),
      m_file(new QLabel(this)) {
  setObjectName(QStringLiteral("TemplateGallery"));
  setWindowTitle(tr("New from Template"));

  // The nine examples are small: reading and drawing them all takes a few milliseconds, less
  // than the dialog takes to appear, so there is no need for lazy thumbnails.
  const qreal dpr = parent ? parent->devicePixelRatioF() : qApp->devicePixelRatio();
  for (const QString& path : resourcepaths::scenarioFiles(folder)) {
    if (auto entry = readTemplate(path, kThumbnailSize, dpr)) m_entries.push_back(std::move(*entry));
  }

  auto* heading = new QLabel(tr("Start from a template"), this);
  QFont headingFont = heading->font();
  headingFont.setPointSizeF(headingFont.pointSizeF() * 1.35);
  headingFont.setBold(true);
  heading->setFont(headingFont);
  auto* hint = new QLabel(tr("Each template is a complete scenario you can run at once. It opens as a new, "
                             "untitled document: the template itself never changes."), this);
  hint->setWordWrap(true);
  hint->setForegroundRole(QPalette::PlaceholderText);

  m_list->setViewMode(QListView::IconMode);
  m_list->setResizeMode(QListView::Adjust);
  m_list->setMovement(QListView::Static);
  m_list->setUniformItemSizes(true);
  m_list->setSelectionMode(QAbstractItemView::SingleSelection);
  m_list->setMouseTracking(true);  // hover frames
  m_list->setItemDelegate(new CardDelegate(m_list));
  m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  m_list->setFrameShape(QFrame::NoFrame);
  // Cards (Base) on the window colour, like a gallery page rather than a white table.
  m_list->setBackgroundRole(QPalette::Window);
  m_list->viewport()->setBackgroundRole(QPalette::Window);
  for (const TemplateEntry& e : m_entries) {
    auto* item = new QListWidgetItem(e.name, m_list);
    item->setData(Qt::DecorationRole, e.thumbnail);
    item->setData(kFactsRole, factsText(e));
    item->setData(kPathRole, e.path);
    item->setToolTip(e.description);
  }
  // Room for three cards across without a horizontal scroll bar.
  const int cardWidth = kThumbnailSize.width() + 2 * (CardDelegate::kMargin + CardDelegate::kPadding);
  m_list->setMinimumWidth(3 * cardWidth + m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);

  // The selected template, told in full.
  auto* details = new QWidget(this);
  details->setFixedWidth(280);
  auto* detailsLayout = new QVBoxLayout(details);
  detailsLayout->setContentsMargins(16, 8, 4, 8);
  detailsLayout->setSpacing(8);
  QFont titleFont = m_title->font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
  titleFont.setBold(true);
  m_title->setFont(titleFont);
  m_title->setWordWrap(true);
  m_facts->setForegroundRole(QPalette::PlaceholderText);
  m_facts->setWordWrap(true);
  m_description->setWordWrap(true);
  m_description->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_file->setForegroundRole(QPalette::PlaceholderText);
  m_file->setWordWrap(true);
  detailsLayout->addWidget(m_title);
  detailsLayout->addWidget(m_facts);
  detailsLayout->addWidget(m_description);
  detailsLayout->addStretch(1);
  detailsLayout->addWidget(m_file);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
  m_open = buttons->button(QDialogButtonBox::Open);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);  // double-click, Enter
  connect(m_list, &QListWidget::currentItemChanged, this, &TemplateGallery::showDetails);
  connect(m_list, &QListWidget::itemSelectionChanged, this, &TemplateGallery::showDetails);

  auto* divider = new QFrame(this);
  divider->setFrameShape(QFrame::VLine);
  divider->setFrameShadow(QFrame::Plain);
  divider->setForegroundRole(QPalette::Mid);
  auto* middle = new QHBoxLayout;
  middle->setSpacing(0);
  middle->addWidget(m_list, 1);
  middle->addWidget(divider);
  middle->addWidget(details);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(heading);
  layout->addWidget(hint);
  layout->addSpacing(4);
  layout->addLayout(middle, 1);
  layout->addWidget(buttons);

  if (m_entries.empty()) {
    auto* none = new QListWidgetItem(tr("No templates found"), m_list);
    none->setFlags(Qt::NoItemFlags);
    m_title->setText(tr("No templates found"));
    m_description->setText(tr("Pillars looks for example scenarios in share/pillars/examples beside "
                              "its installation. Reinstalling the app puts them back."));
  } else {
    m_list->setCurrentRow(0);
  }
  showDetails();
  resize(m_list->minimumWidth() + 320, 700);
}

QString TemplateGallery::selectedPath() const {
  const QList<QListWidgetItem*> picked = m_list->selectedItems();
  return picked.isEmpty() ? QString() : picked.front()->data(kPathRole).toString();
}

void TemplateGallery::showDetails() {
  const QString path = selectedPath();
  m_open->setEnabled(!path.isEmpty());
  const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                               [&](const TemplateEntry& e) { return e.path == path; });
  if (it == m_entries.end()) {
    if (!m_entries.empty()) {
      m_title->setText(tr("No template selected"));
      m_facts->clear();
      m_description->setText(tr("Choose a template to see what it shows."));
      m_file->clear();
    }
    return;
  }
  m_title->setText(it->name);
  m_facts->setText(factsText(*it));
  m_description->setText(it->description.isEmpty() ? tr("No description.") : it->description);
  m_file->setText(QFileInfo(it->path).fileName());
}

}  // namespace pillars
