#include "engine/layout/graphviz_layout.hpp"

#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

namespace pillars {

namespace {

/// The process's one Graphviz context. Graphviz 2.42 keeps process-wide caches (text sizes,
/// loaded plugins) that point into a context and dangle once it is freed — a second context
/// then reads freed memory — and it is not thread-safe. So there is one context, created on
/// first use and never freed, and every layout holds its lock.
struct SharedGraphviz {
  std::mutex lock;
  GVC_t* context = gvContext();
};

SharedGraphviz& sharedGraphviz() {
  static SharedGraphviz* shared = new SharedGraphviz;  // deliberately never destroyed
  return *shared;
}

/// One graph laid out in the shared context, released in the right order on every path.
class GraphvizSession {
 public:
  explicit GraphvizSession(const std::string& dot)
      : m_guard(sharedGraphviz().lock), m_context(sharedGraphviz().context) {
    if (m_context) m_graph = agmemread(dot.c_str());
  }
  ~GraphvizSession() {
    if (m_graph && m_laidOut) gvFreeLayout(m_context, m_graph);
    if (m_graph) agclose(m_graph);
  }
  GraphvizSession(const GraphvizSession&) = delete;
  GraphvizSession& operator=(const GraphvizSession&) = delete;

  bool layout(LayoutEngine engine, std::string* error) {
    if (!m_context || !m_graph) {
      if (error) *error = "Graphviz could not read the generated graph";
      return false;
    }
    const std::string name(layoutEngineName(engine));
    if (gvLayout(m_context, m_graph, name.c_str()) != 0) {
      if (error) *error = "Graphviz layout \"" + name + "\" failed (is its plugin installed?)";
      return false;
    }
    m_laidOut = true;
    return true;
  }

  Agraph_t* graph() const { return m_graph; }
  GVC_t* context() const { return m_context; }

 private:
  std::lock_guard<std::mutex> m_guard;
  GVC_t* m_context = nullptr;
  Agraph_t* m_graph = nullptr;
  bool m_laidOut = false;
};

}  // namespace

std::optional<LayoutPositions> layoutScenario(const Scenario& scenario, LayoutEngine engine,
                                              std::string* error) {
  GraphvizSession session(scenarioToDot(scenario));
  if (!session.layout(engine, error)) return std::nullopt;
  LayoutPositions positions;
  for (Agnode_t* n = agfstnode(session.graph()); n; n = agnxtnode(session.graph(), n)) {
    const pointf p = ND_coord(n);
    // Graphviz measures in points with y growing upwards; the editor uses pixels (1 pt each)
    // with y growing downwards.
    positions[agnameof(n)] = {p.x, -p.y};
  }
  return positions;
}

std::optional<std::string> renderScenario(const Scenario& scenario, LayoutEngine engine,
                                          const std::string& format, std::string* error) {
  if (format != "svg" && format != "png" && format != "dot") {
    if (error) *error = "unknown format \"" + format + "\" (expected svg, png or dot)";
    return std::nullopt;
  }
  return renderDot(scenarioToDot(scenario), engine, format, error);
}

std::optional<std::string> renderDot(const std::string& dot, LayoutEngine engine, const std::string& format,
                                     std::string* error) {
  GraphvizSession session(dot);
  if (!session.layout(engine, error)) return std::nullopt;
  char* data = nullptr;
  unsigned int length = 0;  // Graphviz 2.42 takes an unsigned int here
  if (gvRenderData(session.context(), session.graph(), format.c_str(), &data, &length) != 0 || !data) {
    if (error) *error = "Graphviz could not draw the graph as " + format;
    return std::nullopt;
  }
  std::string bytes(data, length);
  gvFreeRenderData(data);
  return bytes;
}

}  // namespace pillars
