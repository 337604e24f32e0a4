#pragma once
// The GUI monkey: random but seeded actions on the real main window, the way a user's hands
// would do them where the window offers a gesture (drags on the canvas, typing in the
// inspector, menu entries), else through the same calls the menus make. Each action returns a
// line for the log ("#12 link web1 -> cache (drag): linked"); what the monkey finds wrong
// itself (a saved design that does not reopen as it was) is collected in defects().
//
// Replaying a seed replays the same actions: every choice comes from the seed and the
// document, never from the clock. The one exception is a seek into a design so busy that it
// does not reach its target within kSeekBudget of wall time: it pauses there, and the log
// says so.

#include <QString>
#include <QStringList>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "modal_guard.hpp"
#include "monkey_random.hpp"

namespace pillars {

class MainWindow;
struct ParamSpec;

class Monkey {
 public:
  /// `scratchDir` receives the files saved and reloaded.
  Monkey(MainWindow& window, std::uint64_t seed, QString scratchDir);

  /// Performs one random action and says what it did (and what dialogs it met). `starting`,
  /// when given, hears the action's name before it runs: a hang or a crash then still says
  /// which action it was in.
  QString act(const std::function<void(const char* name)>& starting = {});
  /// What the monkey's own checks found wrong since the last call, and forgets it.
  QStringList takeDefects();
  /// How many times each kind of action ran.
  const std::map<std::string, int>& counts() const { return m_counts; }

  static constexpr std::chrono::milliseconds kSeekBudget{5000};

 private:
  struct Action {
    const char* name;
    int weight;
    QString (Monkey::*run)();
  };
  static const std::vector<Action>& actions();

  // Editing the design (monkey_edit_actions.cpp).
  QString addComponent();
  QString linkTwo();
  QString deleteSome();
  QString undo();
  QString redo();
  QString clipboard();
  QString group();
  QString rename();
  QString dragCards();
  QString autoLayout();
  // Parameters through the inspector (monkey_param_actions.cpp).
  QString editComponentParameter();
  QString editLinkParameter();
  QString typeInto(const std::vector<std::string>& ids, bool links);
  // The live run and faults (monkey_run_actions.cpp).
  QString playPause();
  QString step();
  QString seek();
  QString resetRun();
  QString changeSpeed();
  QString faultFromMenu();
  QString faultByHand();
  QString removeFault();
  // The window and files (monkey_window_actions.cpp).
  QString toggleDock();
  QString switchView();
  QString saveAndReload();
  QString openExample();

  // Choices shared by the actions (monkey.cpp).
  std::vector<std::string> componentIds() const;
  std::vector<std::string> linkIds() const;
  std::vector<std::string> groupIds() const;
  /// Up to `most` distinct ids from `from` (at least one when there is any), in `from`'s order.
  std::vector<std::string> some(const std::vector<std::string>& from, std::size_t most);
  /// Selects exactly these components, links and groups on the canvas, as clicks would.
  void select(const std::vector<std::string>& components, const std::vector<std::string>& links = {},
              const std::vector<std::string>& groups = {});
  static QString joined(const std::vector<std::string>& ids);
  /// The canvas tab in front, as a user brings it before working on the canvas.
  void showCanvas();

  MainWindow& m_window;
  MonkeyRandom m_random;
  QString m_dir;
  ModalGuard m_modals;
  QStringList m_defects;
  std::map<std::string, int> m_counts;
  int m_saves = 0;
};

}  // namespace pillars
