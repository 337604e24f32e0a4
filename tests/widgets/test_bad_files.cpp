// Opening a bad file in the window: every kind is refused with a message that names the file and
// says what is wrong, the document that was open stays exactly as it was, and the app goes on
// working (edit, undo, save).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <initializer_list>
#include <random>

#include "engine/io/scenario_writer.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {
namespace {

const QString kThreeTier = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json");

QByteArray readAll(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.readAll();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray randomBytes(std::size_t count, std::uint32_t seed) {
  std::mt19937 rng(seed);
  QByteArray bytes(static_cast<qsizetype>(count), '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFFu);
  return bytes;
}

/// What the user sees of the open document; compared before and after a refused open.
struct Snapshot {
  std::string scenario;  // the whole model with every position, as it would be saved
  QString path;
  bool modified = false;
  int undoSteps = 0;
  int cards = 0;
  QString title;
};

class BadFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    window.useDefaultLayout();
    ASSERT_TRUE(window.openFile(kThreeTier, true));
    m_before = snapshot();
    ASSERT_EQ(m_before.cards, 7);
    ASSERT_FALSE(m_before.modified);
  }

  Snapshot snapshot() {
    Snapshot s;
    s.scenario = writeScenarioJson(window.document().scenarioWithPositions());
    s.path = window.document().filePath();
    s.modified = window.document().isModified();
    s.undoSteps = window.document().undoStack().count();
    for (const QGraphicsItem* item : window.scene().items()) s.cards += item->type() == NodeItem::Type ? 1 : 0;
    s.title = window.windowTitle();
    return s;
  }

  QString path(const QString& name) const { return m_dir.filePath(name); }

  /// A real project, written the way the app writes one.
  QString saveProject(const QString& name) {
    TopologyDocument doc;
    EXPECT_TRUE(doc.load(kThreeTier, nullptr));
    const QString p = path(name);
    QString error;
    EXPECT_TRUE(doc.saveAs(p, &error)) << error.toStdString();
    return p;
  }

  static void execSql(const QString& project, const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(project.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    const std::string why = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << why;
  }

  /// Opens `file` quietly and checks the refusal: false, one message naming the file that
  /// contains every word in `words` (case-insensitive), and the old document untouched.
  void expectRefused(const QString& file, std::initializer_list<const char*> words) {
    QStringList errors;
    EXPECT_FALSE(window.openFile(file, true, &errors));
    ASSERT_FALSE(errors.isEmpty()) << "no message for " << file.toStdString();
    const QString all = errors.join(QLatin1Char('\n'));
    EXPECT_TRUE(errors.front().contains(QFileInfo(file).fileName())) << all.toStdString();
    EXPECT_TRUE(errors.front().startsWith(file)) << "the message should start with the path: " << all.toStdString();
    for (const char* word : words) {
      EXPECT_TRUE(all.contains(QString::fromUtf8(word), Qt::CaseInsensitive))
          << "expected \"" << word << "\" in: " << all.toStdString();
    }
    expectUnchanged();
  }

  void expectUnchanged() {
    const Snapshot now = snapshot();
    EXPECT_EQ(now.scenario, m_before.scenario);
    EXPECT_EQ(now.path, m_before.path);
    EXPECT_EQ(now.modified, m_before.modified);
    EXPECT_FALSE(window.isWindowModified());
    EXPECT_EQ(now.undoSteps, m_before.undoSteps);
    EXPECT_EQ(now.cards, m_before.cards);
    EXPECT_EQ(now.title, m_before.title);
  }

  /// The window still works: add a card, undo it, save the document somewhere new.
  void expectStillUsable() {
    TopologyDocument& doc = window.document();
    const std::size_t count = doc.scenario().components.size();
    window.addComponentAt(QStringLiteral("service"), QPointF(1600, 600));
    ASSERT_EQ(doc.scenario().components.size(), count + 1);
    EXPECT_NE(window.scene().nodeFor("service1"), nullptr);
    EXPECT_TRUE(doc.isModified());
    doc.undoStack().undo();
    EXPECT_EQ(doc.scenario().components.size(), count);
    EXPECT_EQ(window.scene().nodeFor("service1"), nullptr);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(writeScenarioJson(doc.scenarioWithPositions()), m_before.scenario);

    const QString target = path(QStringLiteral("after-refusal.pillars"));
    QString error;
    ASSERT_TRUE(doc.saveAs(target, &error)) << error.toStdString();
    EXPECT_EQ(doc.filePath(), target);
    TopologyDocument again;
    QStringList errors;
    ASSERT_TRUE(again.load(target, &errors)) << errors.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(writeScenarioJson(again.scenarioWithPositions()), m_before.scenario);
  }

  QTemporaryDir m_dir;
  MainWindow window;
  Snapshot m_before;
};

TEST_F(BadFiles, ACorruptedProjectIsReportedAsDamaged) {
  const QString p = saveProject(QStringLiteral("corrupted.pillars"));
  QByteArray bytes = readAll(p);
  ASSERT_GE(bytes.size(), 100);
  // The page size is a big-endian 16-bit number at offset 16 of the header.
  const auto pageSize = static_cast<qsizetype>((static_cast<unsigned char>(bytes[16]) << 8) |
                                               static_cast<unsigned char>(bytes[17]));
  ASSERT_GE(pageSize, 512);
  ASSERT_GE(bytes.size(), 2 * pageSize);  // the header page and the document table's root page
  // Scribble over the document table's page (header, cell pointers, first cells): the file still
  // starts like a database, but its B-tree is garbage.
  const QByteArray noise = randomBytes(static_cast<std::size_t>(pageSize / 2), 11);
  bytes.replace(pageSize, noise.size(), noise);
  ASSERT_TRUE(writeAll(p, bytes));
  expectRefused(p, {"damaged"});
  expectStillUsable();
}

TEST_F(BadFiles, AProjectFromANewerPillarsSaysToUpgrade) {
  const QString p = saveProject(QStringLiteral("future.pillars"));
  execSql(p, "PRAGMA user_version = 7");
  expectRefused(p, {"newer", "upgrade", "schema 7"});
  expectStillUsable();
}

TEST_F(BadFiles, RandomBytesNamedPillarsAreNotAProject) {
  const QString p = path(QStringLiteral("noise.pillars"));
  ASSERT_TRUE(writeAll(p, randomBytes(20000, 3)));
  expectRefused(p, {"not a Pillars project", "not an SQLite database"});
  expectStillUsable();
}

TEST_F(BadFiles, RandomBytesNamedJsonAreInvalidJson) {
  const QString p = path(QStringLiteral("noise.json"));
  ASSERT_TRUE(writeAll(p, randomBytes(20000, 5)));
  expectRefused(p, {"invalid JSON"});
  expectStillUsable();
}

TEST_F(BadFiles, ATruncatedProjectIsReportedAsDamaged) {
  const QString p = saveProject(QStringLiteral("truncated.pillars"));
  const QByteArray bytes = readAll(p);
  ASSERT_GT(bytes.size(), 4096);
  ASSERT_TRUE(writeAll(p, bytes.left(bytes.size() / 2)));  // a copy cut off half way
  expectRefused(p, {"damaged", "malformed"});
  expectStillUsable();
}

TEST_F(BadFiles, AScenarioLinkingToAnUnknownComponentIsRefusedWithItsLocation) {
  QByteArray json = readAll(kThreeTier);
  ASSERT_FALSE(json.isEmpty());
  // The three-tier example with one link pointing at a component nobody declared.
  const QByteArray from = QByteArrayLiteral("\"to\": \"db\"");
  ASSERT_TRUE(json.contains(from));
  json.replace(from, QByteArrayLiteral("\"to\": \"ghost-db\""));
  const QString p = path(QStringLiteral("dangling-link.json"));
  ASSERT_TRUE(writeAll(p, json));
  expectRefused(p, {"no component has the id", "ghost-db", "$.links["});
  expectStillUsable();
}

TEST_F(BadFiles, WithoutQuietADialogNamesTheFileAndTheProblem) {
  const QString p = path(QStringLiteral("not-a-project.pillars"));
  ASSERT_TRUE(writeAll(p, QByteArrayLiteral("just some notes, not a database\n")));
  QString title, shown, details;
  bool found = false;
  int attempts = 0;
  // The dialog runs its own event loop; look for it from inside that loop and dismiss it.
  std::function<void()> closeDialog = [&] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) {
      if (++attempts < 200) QTimer::singleShot(10, &window, closeDialog);
      return;
    }
    found = true;
    title = box->windowTitle();
    shown = box->text() + QLatin1Char('\n') + box->informativeText();
    details = box->detailedText();
    box->accept();
  };
  // The window is the timers' context: should no dialog come, they die with the test.
  QTimer::singleShot(0, &window, closeDialog);
  EXPECT_FALSE(window.openFile(p));
  ASSERT_TRUE(found) << "no modal dialog appeared";
  const QString name = QFileInfo(p).fileName();
  // The file is named where it is seen without clicking anything: the title or the text.
  EXPECT_TRUE(title.contains(name) || shown.contains(name)) << title.toStdString() << " / " << shown.toStdString();
  // What is wrong is read without opening the details.
  EXPECT_TRUE(shown.contains(QStringLiteral("not a Pillars project")))
      << shown.toStdString() << " / " << details.toStdString();
  expectUnchanged();
  expectStillUsable();
}

}  // namespace
}  // namespace pillars
