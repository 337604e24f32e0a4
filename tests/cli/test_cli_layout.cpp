// pillars-cli layout: Graphviz drawings of a topology, by extension.
#include <gtest/gtest.h>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliLayout : public CliTest {};

TEST_F(CliLayout, WritesSvgPngAndDotByExtension) {
  for (const char* ext : {"svg", "png", "dot"}) {
    const auto out = tmp(std::string("topology.") + ext);
    const CliRun r = runCli({"layout", fixture("three-tier.json"), "-o", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    const std::string bytes = readFile(out);
    const std::string kind = ext;
    if (kind == "svg") {
      EXPECT_NE(bytes.find("<svg"), std::string::npos);
    } else if (kind == "png") {
      EXPECT_EQ(bytes.substr(1, 3), "PNG");
    } else {
      EXPECT_NE(bytes.find("pos="), std::string::npos);
    }
  }
}

TEST_F(CliLayout, EveryEngineWorks) {
  for (const char* engine : {"dot", "neato", "fdp", "sfdp", "circo"}) {
    const CliRun r = runCli({"layout", fixture("three-tier.json"), "--engine", engine, "-o",
                             tmp(std::string(engine) + ".svg").string()});
    EXPECT_EQ(r.exitCode, 0) << engine << "\n" << r.describe();
  }
}

TEST_F(CliLayout, UsageErrors) {
  EXPECT_EQ(runCli({"layout", fixture("three-tier.json")}).exitCode, 2);  // no -o
  EXPECT_EQ(runCli({"layout", fixture("three-tier.json"), "-o", tmp("x.gif").string()}).exitCode, 2);
  const CliRun r = runCli({"layout", fixture("three-tier.json"), "--engine", "twopi", "-o", tmp("x.svg").string()});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("twopi"), std::string::npos) << r.describe();
  EXPECT_EQ(runCli({"layout", fixture("invalid-param.json"), "-o", tmp("x.svg").string()}).exitCode, 1);
}

}  // namespace
}  // namespace pillars::clitest
