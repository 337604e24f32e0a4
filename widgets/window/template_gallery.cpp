#include "widgets/window/template_gallery.hpp"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/canvas/topology_scene.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/resource_paths.hpp"
#include "widgets/window/template_card.hpp"

namespace pillars {

namespace {

/// Past this the cards' text would be larger than in the thumbnails of bigger topologies,
/// and a two-component scenario would look like a different kind of drawing.
constexpr qreal kMaxThumbnailScale = 0.45;
constexpr qreal kSceneMargin = 30.0;

/// "7 components · 8 links · 3 groups" (zones and regions), as the status bar counts them.
QString factsText(const TemplateEntry& e) {
  const QString dot = QStringLiteral(" \u00b7 ");
  QString text = countText(e.components, QObject::tr("component"), QObject::tr("components")) + dot +
                 countText(e.links, QObject::tr("link"), QObject::tr("links"));
  if (e.groups > 0) text += dot + countText(e.groups, QObject::tr("group"), QObject::tr("groups"));
  return text;
}

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

QString firstSentence(const QString& description) {
  const qsizetype end = description.indexOf(QStringLiteral(". "));
  return (end < 0 ? description : description.left(end + 1)).trimmed();
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
  for (const ComponentSpec& c : s.components) {
    const ComponentKind* kind = builtinRegistry().find(c.kind);
    // Every template has a load generator; it says nothing of which pillars the design shows.
    if (!kind || kind->measuresEndToEnd) continue;
    if (std::find(entry.pillars.begin(), entry.pillars.end(), kind->pillar) == entry.pillars.end()) {
      entry.pillars.push_back(kind->pillar);
    }
  }
  std::sort(entry.pillars.begin(), entry.pillars.end());
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

  setUpTemplateCardList(*m_list, kThumbnailSize);
  for (const TemplateEntry& e : m_entries) addTemplateCard(*m_list, e, factsText(e));
  // Room for three cards across without a horizontal scroll bar.
  const int cardWidth = TemplateCardDelegate(kThumbnailSize, nullptr).cardWidth();
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
  return picked.isEmpty() ? QString() : picked.front()->data(kCardPathRole).toString();
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
