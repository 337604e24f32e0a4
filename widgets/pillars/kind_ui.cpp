#include "widgets/pillars/kind_ui.hpp"

#include <QCoreApplication>
#include <algorithm>

#include "engine/model/scenario.hpp"
#include "widgets/pillars/intelligence/intelligence_ui.hpp"
#include "widgets/pillars/state/state_ui.hpp"
#include "widgets/pillars/truth/truth_ui.hpp"
#include "widgets/pillars/work/work_ui.hpp"

namespace pillars {

void KindUiRegistry::add(KindUi ui) {
  // A second registration of one kind replaces the first, as a test's own table may want.
  const auto same =
      std::find_if(m_uis.begin(), m_uis.end(), [&](const KindUi& u) { return u.kind == ui.kind; });
  if (same != m_uis.end()) {
    *same = std::move(ui);
  } else {
    m_uis.push_back(std::move(ui));
  }
}

const KindUi* KindUiRegistry::find(std::string_view kind) const {
  const auto it =
      std::find_if(m_uis.begin(), m_uis.end(), [&](const KindUi& u) { return u.kind == kind; });
  return it == m_uis.end() ? nullptr : &*it;
}

const KindUiRegistry& builtinKindUis() {
  static const KindUiRegistry registry = [] {
    KindUiRegistry r;
    registerWorkUi(r);
    registerStateUi(r);
    registerTruthUi(r);
    registerIntelligenceUi(r);
    return r;
  }();
  return registry;
}

const KindUi* kindUi(std::string_view kind) {
  return builtinKindUis().find(kind);
}

std::optional<FigureWords> roleWords(const std::string& figure, double value,
                                     std::span<const char* const> roles) {
  if (figure != "role" || !(value >= 0)) return std::nullopt;
  const auto r = static_cast<std::size_t>(value);
  if (r >= roles.size()) return std::nullopt;
  return FigureWords{QCoreApplication::translate("pillars::LiveFigures", "Role"),
                     QCoreApplication::translate("pillars::LiveFigures", roles[r])};
}

QString paramText(const ComponentSpec& component, std::string_view name) {
  return QString::fromStdString(component.params.text(name));
}

QString paramWords(const ComponentSpec& component, std::string_view name) {
  return paramText(component, name).replace(QLatin1Char('_'), QLatin1Char(' '));
}

}  // namespace pillars
