#include "widgets/window/live_figure_text.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

#include "widgets/pillars/kind_ui.hpp"

namespace pillars {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("pillars::LiveFigures", text); }

QString number(double v, int decimals) { return QLocale().toString(v, 'f', decimals); }

/// "commit_latency" -> "Commit latency".
QString tidy(const std::string& name) {
  QString s = QString::fromStdString(name);
  s.replace(QLatin1Char('_'), QLatin1Char(' '));
  if (!s.isEmpty()) s[0] = s[0].toUpper();
  return s;
}

/// Counters are whole numbers (shown with separators); ratios and means are not.
QString plain(double v) {
  const bool whole = v >= 0 && v < 1e15 && v == std::floor(v);
  return whole ? QLocale().toString(static_cast<qulonglong>(v)) : number(v, 3);
}

bool endsWith(const std::string& s, std::string_view suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::pair<QString, QString> liveFigureText(const std::string& kind, const std::string& name, double value) {
  // A kind's own words first (a Raft node's or a store's role), from its pillar's UI.
  if (const KindUi* ui = kindUi(kind); ui && ui->figureWords) {
    if (auto words = ui->figureWords(name, value)) return *std::move(words);
  }
  // A readiness verdict (a service's readiness probe): 1 or 0.
  if (name == "ready") return {tr("Ready"), value != 0 ? tr("yes") : tr("no (readiness probe failing)")};
  // "election_ms.p50": a quantity with its unit in the name, then which statistic of it.
  std::string head = name;
  QString statistic;
  if (const auto dot = name.find('.'); dot != std::string::npos) {
    head = name.substr(0, dot);
    statistic = QString::fromStdString(name.substr(dot + 1));
  }
  QString shown;
  if (endsWith(head, "_ms")) {
    head.resize(head.size() - 3);
    shown = tr("%1 ms").arg(number(value, value < 10 ? 2 : 1));
  } else if (endsWith(head, "_s")) {
    head.resize(head.size() - 2);
    shown = tr("%1 s").arg(number(value, 2));
  } else if (endsWith(head, "_ratio")) {
    shown = tr("%1%").arg(number(value * 100, 1));
  } else {
    shown = plain(value);
  }
  QString label = tidy(head);
  if (!statistic.isEmpty()) label += QLatin1Char(' ') + statistic;
  return {label, shown};
}

std::vector<std::pair<QString, QString>> liveFiguresText(const std::string& kind,
                                                         const std::vector<std::pair<std::string, double>>& figures) {
  std::vector<std::pair<QString, QString>> out;
  for (std::size_t i = 0; i < figures.size();) {
    const std::string& name = figures[i].first;
    const auto dot = name.find('.');
    const std::string head = dot == std::string::npos ? std::string() : name.substr(0, dot);
    if (head.empty() || !(endsWith(head, "_ms") || endsWith(head, "_s"))) {
      out.push_back(liveFigureText(kind, name, figures[i].second));
      ++i;
      continue;
    }
    // The whole family: the figures that follow with the same head.
    std::size_t end = i;
    bool measured = false;
    while (end < figures.size() && figures[end].first.rfind(head + ".", 0) == 0) {
      measured = measured || figures[end].second != 0;
      ++end;
    }
    if (measured) {
      for (std::size_t k = i; k < end; ++k) out.push_back(liveFigureText(kind, figures[k].first, figures[k].second));
    } else {
      const std::string quantity = head.substr(0, head.size() - (endsWith(head, "_ms") ? 3 : 2));
      out.emplace_back(tidy(quantity), tr("none yet"));
    }
    i = end;
  }
  return out;
}

}  // namespace pillars
