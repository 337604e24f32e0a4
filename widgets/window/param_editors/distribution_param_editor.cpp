#include "widgets/window/param_editors/distribution_param_editor.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "widgets/window/param_editors/distribution_families.hpp"
#include "widgets/window/param_editors/param_line_edit.hpp"

namespace pillars {

namespace {

int familyIndex(Distribution::Kind kind) {
  const auto& families = distributionFamilies();
  for (std::size_t i = 0; i < families.size(); ++i) {
    if (families[i].kind == kind) return static_cast<int>(i);
  }
  return -1;
}

QString fromView(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace

DistributionParamEditor::DistributionParamEditor(const ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent),
      m_text(new ParamLineEdit(this)),
      m_family(new QComboBox(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 2);
  layout->setSpacing(0);
  layout->addWidget(m_text);
  auto* familyRow = new QHBoxLayout;
  familyRow->setContentsMargins(0, 0, 0, 0);
  familyRow->addWidget(m_family);
  familyRow->addStretch(1);
  layout->addLayout(familyRow);
  setTrailing(familyRow);  // the text keeps the whole first line
  m_family->setObjectName(QStringLiteral("family"));
  m_family->setPlaceholderText(tr("(mixed)"));
  m_family->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  guardWheel(m_family);
  for (const DistributionFamily& f : distributionFamilies()) {
    m_family->addItem(fromView(f.label));
    m_family->setItemData(m_family->count() - 1, fromView(f.signature), Qt::ToolTipRole);
  }
  setFocusProxy(m_text);
  setValueWidget(m_text);
  connect(m_family, &QComboBox::currentIndexChanged, this, &DistributionParamEditor::onFamilyPicked);
  connect(m_text, &QLineEdit::textEdited, this, [this](const QString& text) {
    followText(text);
    onTextEdited(text);
  });
  connect(m_text, &QLineEdit::editingFinished, this, [this] { finishText(m_text); });
  connect(m_text, &QLineEdit::returnPressed, this, [this] { reportIfRefused(); });
  connect(m_text, &ParamLineEdit::escapePressed, this, &DistributionParamEditor::revert);
}

void DistributionParamEditor::showFamily(int index) {
  const QSignalBlocker quiet(m_family);
  m_family->setCurrentIndex(index);
  // What the numbers mean: the family's argument list, in the tooltip and, while the text is
  // empty, in its place.
  const QString signature =
      index < 0 ? QString() : fromView(distributionFamilies()[static_cast<std::size_t>(index)].signature);
  m_text->setPlaceholderText(index < 0 ? tr("(mixed)") : signature);
  m_signature = signature;
  markProblem(!problem().isEmpty());
}

void DistributionParamEditor::display(const ParamValue* value) {
  const auto* d = value ? std::get_if<Distribution>(value) : nullptr;
  m_text->setText(d ? textOf(*value) : QString());
  m_text->setCursorPosition(0);  // a long text shows its family first
  showFamily(d ? familyIndex(d->kind()) : -1);
}

bool DistributionParamEditor::shows(const ParamValue& value) const {
  return textMeans(m_text->text(), value);
}

void DistributionParamEditor::markProblem(bool refused) {
  tint(m_text, refused);
  QString tip = toolTipText();
  if (!m_signature.isEmpty()) tip += QStringLiteral("<br><tt>%1</tt>").arg(m_signature.toHtmlEscaped());
  m_text->setToolTip(tip);
  m_family->setToolTip(tip);
}

void DistributionParamEditor::followText(const QString& text) {
  const auto parsed = Distribution::parse(text.toStdString(), spec().dimension, nullptr);
  if (parsed) showFamily(familyIndex(parsed->kind()));
}

void DistributionParamEditor::onFamilyPicked(int index) {
  if (index < 0) return;
  // Convert what is shown: the user's valid text, else the model's value, else the default.
  const Distribution::Dimension dim = spec().dimension;
  std::optional<Distribution> base = Distribution::parse(m_text->text().toStdString(), dim, nullptr);
  if (!base) {
    const ParamValue* shown = shownValue();
    const auto* model = shown ? std::get_if<Distribution>(shown) : nullptr;
    base = model ? *model : std::get<Distribution>(spec().defaultValue);
  }
  const Distribution::Kind kind = distributionFamilies()[static_cast<std::size_t>(index)].kind;
  if (base->kind() == kind) return;
  m_text->setText(QString::fromStdString(convertDistribution(*base, kind, dim).toString(dim)));
  showFamily(index);
  emit edited(m_text->text());
}

}  // namespace pillars
