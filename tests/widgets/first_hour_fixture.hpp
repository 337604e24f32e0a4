#pragma once
// What a newcomer gets: a fresh home folder and settings (nothing remembered), and the real
// main window at a real size, 1600 x 1000, shown and exposed.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

#include "isolated_home.hpp"
#include "widgets/window/autosave.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {

inline const QString kExamplesDir = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples");
inline QString example(const char* name) { return kExamplesDir + QLatin1Char('/') + QLatin1String(name); }

class FirstHour : public ::testing::Test {
 protected:
  void SetUp() override {
    m_home = std::make_unique<IsolatedHome>();
    window = std::make_unique<MainWindow>();
  }
  void TearDown() override {
    window.reset();
    m_home.reset();
  }
  /// As `pillars FILE` starts (no recovery copy is waiting in a fresh home), then shown at
  /// 1600 x 1000 and given time to settle.
  void launch(const QString& file) {
    ASSERT_TRUE(window->startWith(file, true, [](const RecoveryFile&) { return RecoveryChoice::Later; }, nullptr,
                                  true));
    showAtRealSize();
  }
  void showAtRealSize() {
    window->resize(1600, 1000);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QTest::qWait(50);
  }
  /// The action whose text (without accelerators) is `text`, anywhere in the window.
  QAction* action(const QString& text) {
    for (QAction* a : window->findChildren<QAction*>()) {
      if (a->text().remove(QLatin1Char('&')) == text) return a;
    }
    ADD_FAILURE() << "no action " << text.toStdString();
    return nullptr;
  }
  /// Runs `act`, answering every message box it opens with `answer`; returns their titles and texts.
  QStringList answeringBoxes(const std::function<void()>& act, QMessageBox::StandardButton answer) {
    // Shared with the timers, which may outlive this call by one tick.
    auto seen = std::make_shared<QStringList>();
    auto watching = std::make_shared<bool>(true);
    auto watch = std::make_shared<std::function<void()>>();
    *watch = [seen, watching, answer, watchWeak = std::weak_ptr<std::function<void()>>(watch), this] {
      if (!*watching) return;
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        *seen << box->windowTitle() + QStringLiteral(": ") + box->text();
        if (QAbstractButton* b = box->button(answer)) {
          b->click();
        } else {
          box->accept();
        }
      }
      if (auto again = watchWeak.lock()) QTimer::singleShot(10, window.get(), [again] { (*again)(); });
    };
    QTimer::singleShot(0, window.get(), [watch] { (*watch)(); });
    act();
    *watching = false;
    return *seen;
  }

  std::unique_ptr<IsolatedHome> m_home;
  QTemporaryDir tmp;
  std::unique_ptr<MainWindow> window;
};

}  // namespace pillars
