#pragma once

#include <QString>
#include <QWidget>
#include <map>
#include <vector>

#include "engine/model/component_kind.hpp"
#include "widgets/window/template_gallery.hpp"

class QListWidget;
class QListWidgetItem;
class QVBoxLayout;

namespace pillars {

class RecentFiles;

/// What the window shows when no design is being worked on (at launch without a file, or View ›
/// Start Page): how to begin — a new design, a template, a file — the examples grouped by the
/// five pillars, each with its picture and what it shows in one line, and the recent files.
/// It only asks; the window opens what was chosen.
class StartPage final : public QWidget {
  Q_OBJECT

 public:
  static constexpr QSize kThumbnailSize{200, 125};

  StartPage(const QString& examplesFolder, RecentFiles& recent, QWidget* parent = nullptr);

  /// The examples listed under a pillar (an example using several pillars is under each).
  std::vector<QString> examplesOf(Pillar pillar) const;
  /// The list of a pillar's example cards, or null when the pillar has none yet.
  QListWidget* examplesList(Pillar pillar) const;
  QListWidget* recentList() const { return m_recent; }
  /// Refills the recent files (the window does so when it shows the page).
  void refreshRecent();

 signals:
  void newRequested();
  void templateGalleryRequested();
  void openDialogRequested();
  /// An example was clicked: open it as a new, untitled document.
  void exampleChosen(const QString& path);
  /// A recent file was clicked.
  void recentChosen(const QString& path);

 private:
  void addPillarSection(QVBoxLayout* into, Pillar pillar);

  RecentFiles& m_recentFiles;
  std::vector<TemplateEntry> m_entries;
  std::map<Pillar, QListWidget*> m_lists;
  QListWidget* m_recent;
};

}  // namespace pillars
