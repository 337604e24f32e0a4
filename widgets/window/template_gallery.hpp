#pragma once

#include <QDialog>
#include <QImage>
#include <QString>
#include <optional>
#include <vector>

#include "engine/model/component_kind.hpp"

class QLabel;
class QListWidget;
class QPushButton;

namespace pillars {

class TopologyDocument;

/// One scenario offered as a starting point: what the gallery shows about it.
struct TemplateEntry {
  QString path;
  QString name;         ///< the scenario's name, or the file name when it has none
  QString description;  ///< the scenario's description, possibly empty
  int components = 0;
  int links = 0;
  int groups = 0;
  /// The pillars its components belong to, in pillar order. Clients are left out: every design
  /// has them, so they would put every example under Work.
  std::vector<Pillar> pillars;
  QImage thumbnail;
};

/// The first sentence of a description, for one-line captions.
QString firstSentence(const QString& description);

/// Draws the document's topology the way the canvas does (a TopologyScene of its own, so the
/// picture is the real editor's, not an approximation), scaled to fit `size` and centred.
/// Small topologies are not blown up past a readable scale. `devicePixelRatio` > 1 renders
/// sharp thumbnails for high-density screens.
QImage renderThumbnail(TopologyDocument& document, QSize size, qreal devicePixelRatio = 1.0);

/// Reads a scenario file into a gallery entry with its thumbnail; nothing if it cannot be read.
std::optional<TemplateEntry> readTemplate(const QString& path, QSize thumbnailSize,
                                          qreal devicePixelRatio = 1.0);

/// File › New from Template: a gallery of the example scenarios as cards (thumbnail, name,
/// size), with the selected one's description beside them. Double-click, Enter or Open picks
/// one; the caller opens it as an untitled document so the example itself is never changed.
class TemplateGallery final : public QDialog {
  Q_OBJECT

 public:
  static constexpr QSize kThumbnailSize{240, 150};

  /// Lists every scenario in `folder` (see resourcepaths::examplesDirectory()).
  explicit TemplateGallery(const QString& folder, QWidget* parent = nullptr);

  const std::vector<TemplateEntry>& entries() const { return m_entries; }
  /// The chosen template's file, or empty when nothing is selected.
  QString selectedPath() const;
  QListWidget* list() const { return m_list; }

 private:
  void showDetails();

  std::vector<TemplateEntry> m_entries;
  QListWidget* m_list;
  QLabel* m_title;
  QLabel* m_facts;
  QLabel* m_description;
  QLabel* m_file;
  QPushButton* m_open = nullptr;
};

}  // namespace pillars
