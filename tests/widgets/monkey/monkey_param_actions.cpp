// The monkey's parameter edits: typed into the inspector as a user types (key by key, then
// Enter), combos and check boxes clicked, reset buttons pressed, on one component or link or
// several at once; and now and then text handed straight to the document, as `--set` and
// scripts do, including text no editor would let through.
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>

#include "engine/model/component_kind.hpp"
#include "monkey.hpp"
#include "param_text.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/inspector_panel.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/param_editors/param_editor.hpp"

namespace pillars {

namespace {

/// A parameter's text in the document for a component or link, or "?" when it has none.
QString valueText(const TopologyDocument& doc, const std::string& id, bool link, const std::string& param) {
  const ParamSet* params = nullptr;
  if (link) {
    if (const LinkSpec* l = doc.scenario().findLink(id)) params = &l->params;
  } else if (const ComponentSpec* c = doc.scenario().findComponent(id)) {
    params = &c->params;
  }
  if (!params || !params->indexOf(param)) return QStringLiteral("?");
  return QString::fromStdString(params->text(param));
}

}  // namespace

QString Monkey::editComponentParameter() {
  // Mostly one component; sometimes several, whose shared parameters the inspector edits at once.
  const auto ids = m_random.chance(0.2) ? some(componentIds(), 3) : some(componentIds(), 1);
  if (ids.empty()) return QStringLiteral("component parameter: no components");
  return typeInto(ids, false);
}

QString Monkey::editLinkParameter() {
  const auto ids = m_random.chance(0.2) ? some(linkIds(), 3) : some(linkIds(), 1);
  if (ids.empty()) return QStringLiteral("link parameter: no links");
  return typeInto(ids, true);
}

QString Monkey::typeInto(const std::vector<std::string>& ids, bool links) {
  TopologyDocument& doc = m_window.document();
  const QString target = joined(ids);
  // Straight to the document: any parameter of the first target, any text.
  if (m_random.chance(0.15)) {
    const std::vector<ParamSpec>* specs = &linkParamSpecs();
    if (!links) specs = &kindTraits(doc.scenario().findComponent(ids.front())->kind).params;
    if (specs->empty()) return QStringLiteral("set on %1: the kind has no parameters").arg(target);
    const ParamSpec& spec = m_random.pick(*specs);
    const QString text = m_random.chance(0.8) ? randomParamText(spec, m_random) : randomBadText(m_random);
    const QString problem = links ? doc.setLinkParameters(ids, spec.name, text) : doc.setParameters(ids, spec.name, text);
    return QStringLiteral("set %1.%2 = '%3' (call): %4")
        .arg(target, QString::fromStdString(spec.name), text, problem.isEmpty() ? QStringLiteral("ok") : problem);
  }
  showCanvas();
  // A user opens the inspector before typing in it.
  if (auto* dock = m_window.findChild<QDockWidget*>(QStringLiteral("InspectorDock")); dock && !dock->isVisible()) dock->show();
  if (links) {
    select({}, ids);
  } else {
    select(ids);
  }
  std::vector<ParamEditor*> editors;
  for (ParamEditor* e : m_window.inspector().findChildren<ParamEditor*>()) {
    if (e->isVisible()) editors.push_back(e);
  }
  if (editors.empty()) return QStringLiteral("edit %1: the inspector shows no parameters").arg(target);
  ParamEditor* editor = m_random.pick(editors);
  const std::string param = editor->spec().name;
  const QString name = QString::fromStdString(param);
  auto* field = editor->findChild<QLineEdit*>(QStringLiteral("text"));
  auto* combo = editor->findChild<QComboBox*>();
  auto* check = editor->findChild<QCheckBox*>();
  auto* reset = m_window.inspector().findChild<QToolButton*>(QStringLiteral("reset:") + name);
  QString did;
  if (reset && reset->isVisible() && m_random.chance(0.15)) {
    reset->click();
    did = QStringLiteral("reset");
  } else if (field && (!combo || m_random.chance(0.6))) {
    const QString text = randomParamText(editor->spec(), m_random);
    field->setFocus();
    field->selectAll();
    // QTest types only what a US keyboard has; anything else arrives as a paste, as it would.
    bool ascii = true;
    for (const QChar c : text) ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii) {
      QTest::keyClicks(field, text);
    } else {
      QApplication::clipboard()->setText(text);
      QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
    }
    // Mostly committed with Enter; sometimes given up with Escape half way.
    const bool enter = m_random.chance(0.9);
    QTest::keyClick(field, enter ? Qt::Key_Return : Qt::Key_Escape);
    did = QStringLiteral("typed '%1' and %2").arg(text, enter ? QStringLiteral("Enter") : QStringLiteral("Escape"));
    if (!editor->problem().isEmpty()) did += QStringLiteral(", refused: ") + editor->problem();
  } else if (combo && combo->count() > 0) {
    const int index = static_cast<int>(m_random.below(static_cast<std::size_t>(combo->count())));
    combo->setCurrentIndex(index);
    did = QStringLiteral("picked '%1'").arg(combo->itemText(index));
  } else if (check) {
    check->click();
    did = QStringLiteral("clicked the box");
  } else {
    did = QStringLiteral("no editor to use");
  }
  return QStringLiteral("edit %1 of %2 (inspector): %3; now '%4'")
      .arg(name, target, did, valueText(doc, ids.front(), links, param));
}

}  // namespace pillars
