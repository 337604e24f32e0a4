// Files as a newcomer handles them: Save As has its shortcut, dialogs start beside the
// project, and a file that cannot be opened costs nothing.
#include <QListWidget>

#include "first_hour_fixture.hpp"
#include "engine/io/scenario_writer.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/dialog_folder.hpp"
#include "widgets/window/palette_list.hpp"

namespace pillars {
namespace {

QMenu* menuNamed(MainWindow& window, const QString& title) {
  for (QAction* a : window.menuBar()->actions()) {
    if (a->menu() && a->text().remove(QLatin1Char('&')) == title) return a->menu();
  }
  return nullptr;
}

TEST_F(FirstHour, SaveAsHasCtrlShiftSAndTheMenuShowsIt) {
  QMenu* file = menuNamed(*window, QStringLiteral("File"));
  ASSERT_NE(file, nullptr);
  QAction* saveAs = nullptr;
  for (QAction* a : file->actions()) {
    if (a->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Save As"))) saveAs = a;
  }
  ASSERT_NE(saveAs, nullptr);
  EXPECT_FALSE(saveAs->shortcut().isEmpty()) << "the menu shows no shortcut";
  EXPECT_TRUE(saveAs->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)) ||
              !QKeySequence::keyBindings(QKeySequence::SaveAs).isEmpty())
      << "the user guide's Ctrl+Shift+S, unless the desktop has its own";
}

TEST_F(FirstHour, FileDialogsStartBesideTheProject) {
  ASSERT_TRUE(window->openFile(example("three-tier.json"), true));
  EXPECT_EQ(dialogFolder(window->document()), kExamplesDir);
  EXPECT_EQ(suggestedPath(window->document(), QStringLiteral("three-tier-review.html")),
            kExamplesDir + QStringLiteral("/three-tier-review.html"));
  // An untitled design starts where the last file was chosen.
  window->newDocument();
  rememberDialogFolder(tmp.filePath(QStringLiteral("somewhere.pillars")));
  EXPECT_EQ(dialogFolder(window->document()), tmp.path());
}

TEST_F(FirstHour, AFileThatCannotBeOpenedAsksNothingAndChangesNothing) {
  showAtRealSize();
  ASSERT_TRUE(window->openFile(example("three-tier.json"), true));
  ASSERT_TRUE(window->document().setParameter("db", "workers", QStringLiteral("48")).isEmpty());
  ASSERT_TRUE(window->document().isModified());
  const std::string before = writeScenarioJson(window->document().scenarioWithPositions());
  const QString broken = tmp.filePath(QStringLiteral("broken.json"));
  {
    QFile f(broken);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{ not json");
  }
  const QStringList boxes =
      answeringBoxes([&] { EXPECT_FALSE(window->openWithPrompt(broken)); }, QMessageBox::Discard);
  // Only the error: no "Discard your changes?" for a file that was never going to open.
  ASSERT_EQ(boxes.size(), 1) << boxes.join(QStringLiteral(" | ")).toStdString();
  EXPECT_TRUE(boxes.front().contains(QStringLiteral("Cannot open"))) << boxes.front().toStdString();
  EXPECT_TRUE(window->document().isModified());
  EXPECT_TRUE(window->isWindowModified());
  EXPECT_EQ(writeScenarioJson(window->document().scenarioWithPositions()), before);
  // A good file asks first; Discard then replaces the design, unmodified.
  const QStringList asked = answeringBoxes([&] { EXPECT_TRUE(window->openWithPrompt(example("mmc.json"))); },
                                           QMessageBox::Discard);
  ASSERT_EQ(asked.size(), 1);
  EXPECT_TRUE(asked.front().contains(QStringLiteral("Unsaved"))) << asked.front().toStdString();
  EXPECT_FALSE(window->document().isModified());
  EXPECT_FALSE(window->isWindowModified());
}

TEST_F(FirstHour, ThePaletteGroupsKindsUnderTheFivePillarsInTheirColours) {
  auto* palette = window->findChild<PaletteList*>();
  ASSERT_NE(palette, nullptr);
  QStringList headings;
  Pillar current = Pillar::Work;
  for (int i = 0; i < palette->count(); ++i) {
    QListWidgetItem* item = palette->item(i);
    const QString kind = PaletteList::kindOf(item);
    if (kind.isEmpty() && !(item->flags() & Qt::ItemIsDragEnabled) && item->font().bold()) {
      headings << item->text();
      for (const Pillar p : kindstyle::kPillars) {
        if (kindstyle::pillarTitle(p).toUpper() == item->text()) current = p;
      }
      EXPECT_EQ(item->background().color(), kindstyle::pillarFill(current)) << item->text().toStdString();
      EXPECT_FALSE(item->flags() & Qt::ItemIsSelectable) << "a heading is not a kind";
      continue;
    }
    if (kind.isEmpty()) continue;  // "coming in a later version"
    const ComponentKind* k = builtinRegistry().find(kind.toStdString());
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->pillar, current) << kind.toStdString() << " under " << headings.last().toStdString();
  }
  EXPECT_EQ(headings, (QStringList{QStringLiteral("WORK"), QStringLiteral("STATE"), QStringLiteral("TRUTH"),
                                   QStringLiteral("CONTROL"), QStringLiteral("INTELLIGENCE")}));
}

}  // namespace
}  // namespace pillars
