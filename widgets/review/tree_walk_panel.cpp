#include "widgets/review/tree_walk_panel.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "engine/layout/graphviz_layout.hpp"
#include "engine/review/tree_dot.hpp"
#include "widgets/review/svg_picture.hpp"

namespace pillars {

namespace {

QString capitalized(const std::string& word) {
  QString s = QString::fromStdString(word);
  if (!s.isEmpty()) s[0] = s[0].toUpper();
  return s;
}

QString joined(const std::vector<std::string>& items) {
  QStringList out;
  for (const auto& i : items) out.append(QString::fromStdString(i));
  return out.join(QStringLiteral(", "));
}

}  // namespace

TreeWalkPanel::TreeWalkPanel(const review::DecisionTree& tree, QWidget* parent)
    : QWidget(parent),
      m_tree(tree),
      m_walker(std::make_unique<review::TreeWalker>(tree)),
      m_picture(new SvgPicture(this)),
      m_status(new QLabel(this)),
      m_answers(new QHBoxLayout),
      m_back(new QPushButton(tr("◀ Back"), this)) {
  m_status->setObjectName(QStringLiteral("TreeStatus"));
  m_status->setWordWrap(true);
  m_status->setTextFormat(Qt::RichText);
  auto* layout = new QVBoxLayout(this);
  auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(tree.title).toHtmlEscaped()), this);
  layout->addWidget(title);
  layout->addWidget(m_picture, 1);
  layout->addWidget(m_status);
  auto* buttons = new QHBoxLayout;
  buttons->addLayout(m_answers);
  buttons->addStretch();
  buttons->addWidget(m_back);
  auto* restart = new QPushButton(tr("Start Over"), this);
  buttons->addWidget(restart);
  layout->addLayout(buttons);
  connect(m_back, &QPushButton::clicked, this, [this] { back(); });
  connect(restart, &QPushButton::clicked, this, [this] {
    m_walker->start();
    refresh();
  });
  refresh();
}

bool TreeWalkPanel::choose(const QString& label) {
  const bool moved = label == tr("Continue") ? m_walker->continueOn() : m_walker->answer(label.toStdString());
  if (moved) refresh();
  return moved;
}

bool TreeWalkPanel::back() {
  const bool moved = m_walker->back();
  if (moved) refresh();
  return moved;
}

QString TreeWalkPanel::statusText() const {
  const review::TreeNode& node = m_walker->current();
  if (!node.result) return QString::fromStdString(node.text);
  return tr("Result: %1 pillar — %2").arg(capitalized(node.result->pillar), joined(node.result->patterns));
}

void TreeWalkPanel::refresh() {
  m_dot = review::decisionTreeToDot(m_tree, *m_walker);
  std::string error;
  const auto svg = renderDot(m_dot, LayoutEngine::Dot, "svg", &error);
  m_drawn = svg && m_picture->setSvg(QByteArray::fromStdString(*svg));

  QString status = QStringLiteral("<b>%1</b>").arg(statusText().toHtmlEscaped());
  // Every result met on the way, so a walk past "Still slow?" still shows the first answer.
  const auto results = m_walker->results();
  if (results.size() > 1) {
    QStringList earlier;
    for (std::size_t i = 0; i + 1 < results.size(); ++i) {
      earlier.append(tr("%1: %2").arg(capitalized(results[i]->result->pillar), joined(results[i]->result->patterns)));
    }
    status += QStringLiteral("<br>") + tr("Earlier on this path: %1").arg(earlier.join(QStringLiteral("; ")).toHtmlEscaped());
  }
  if (!m_drawn) status += QStringLiteral("<br>") + tr("Graphviz could not draw the tree: %1").arg(QString::fromStdString(error));
  m_status->setText(status);

  // The clicked button may be the one asking for this refresh: it goes later, not now.
  while (QLayoutItem* item = m_answers->takeAt(0)) {
    if (QWidget* w = item->widget()) {
      w->hide();
      w->deleteLater();
    }
    delete item;
  }
  QStringList labels;
  for (const auto& a : m_walker->answers()) labels.append(QString::fromStdString(a));
  if (m_walker->canContinue()) labels.append(tr("Continue"));
  for (const QString& label : labels) {
    auto* button = new QPushButton(label, this);
    button->setObjectName(QStringLiteral("answer:") + label);
    connect(button, &QPushButton::clicked, this, [this, label] { choose(label); });
    m_answers->addWidget(button);
  }
  m_back->setEnabled(!m_walker->path().empty());
}

}  // namespace pillars
