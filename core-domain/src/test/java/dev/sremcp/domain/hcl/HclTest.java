package dev.sremcp.domain.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.hcl.HclExpr.Binary;
import dev.sremcp.domain.hcl.HclExpr.Conditional;
import dev.sremcp.domain.hcl.HclExpr.ForExpr;
import dev.sremcp.domain.hcl.HclExpr.FunctionCall;
import dev.sremcp.domain.hcl.HclExpr.GetAttr;
import dev.sremcp.domain.hcl.HclExpr.Index;
import dev.sremcp.domain.hcl.HclExpr.Literal;
import dev.sremcp.domain.hcl.HclExpr.ObjectCons;
import dev.sremcp.domain.hcl.HclExpr.Parens;
import dev.sremcp.domain.hcl.HclExpr.ScopeTraversal;
import dev.sremcp.domain.hcl.HclExpr.Splat;
import dev.sremcp.domain.hcl.HclExpr.Template;
import dev.sremcp.domain.hcl.HclExpr.Tuple;
import dev.sremcp.domain.hcl.HclExpr.Unary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HclTest {

  private static HclBody fixture() {
    try (InputStream in = HclTest.class.getResourceAsStream("main.tf")) {
      return Hcl.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HclBlock block(HclBody body, String type, String... labels) {
    return body.blocks(type).stream()
        .filter(b -> b.labels().equals(List.of(labels)))
        .findFirst()
        .orElseThrow();
  }

  private static HclExpr value(HclBody body, String name) {
    return body.attribute(name).orElseThrow().value();
  }

  private static String string(HclExpr expr) {
    return expr.asString().orElseThrow();
  }

  // ---- A realistic file ---------------------------------------------------------------------

  @Test
  void theFixtureParsesWithEveryTopLevelBlockInSourceOrder() {
    HclBody file = fixture();

    assertThat(file.attributes()).isEmpty();
    assertThat(file.blocks())
        .extracting(b -> b.type() + String.join(".", b.labels()))
        .containsExactly(
            "terraform",
            "provideraws",
            "variableregion",
            "variableenvironment",
            "variableinstance_count",
            "variableallowed_ports",
            "locals",
            "dataaws_ami.ubuntu",
            "modulevpc",
            "resourceaws_s3_bucket.logs",
            "resourceaws_security_group.web",
            "resourceaws_iam_role.web",
            "resourceaws_iam_role_policy.logs",
            "resourceaws_instance.web",
            "outputinstance_ids");
    assertThat(file.blocks()).extracting(HclBlock::line).startsWith(2, 21, 29, 34);
    assertThat(block(file, "output", "instance_ids").endLine()).isEqualTo(156);
  }

  @Test
  void theTerraformBlockHoldsRequiredProvidersAndTheBackend() {
    HclBlock terraform = fixture().blocks("terraform").get(0);

    assertThat(string(value(terraform.body(), "required_version"))).isEqualTo(">= 1.5.0");
    HclBlock providers = terraform.body().blocks("required_providers").get(0);
    ObjectCons aws = (ObjectCons) value(providers.body(), "aws");
    assertThat(string(aws.get("source").orElseThrow())).isEqualTo("hashicorp/aws");
    assertThat(string(aws.get("version").orElseThrow())).isEqualTo("~> 5.40");
    assertThat(aws.isKnown()).isTrue();
    assertThat(providers.body().attribute("aws").orElseThrow().line()).isEqualTo(6);
    assertThat(providers.body().attribute("aws").orElseThrow().endLine()).isEqualTo(9);

    HclBlock backend = block(terraform.body(), "backend", "s3");
    assertThat(value(backend.body(), "encrypt").asBoolean()).contains(true);
    assertThat(string(value(backend.body(), "dynamodb_table"))).isEqualTo("terraform-locks");
    assertThat(backend.line()).isEqualTo(12);
    assertThat(backend.endLine()).isEqualTo(18);
  }

  @Test
  void theProviderBlockReadsVariablesAndNestsDefaultTags() {
    HclBlock provider = block(fixture(), "provider", "aws");

    ScopeTraversal region = (ScopeTraversal) value(provider.body(), "region");
    assertThat(region.root()).isEqualTo("var");
    assertThat(region.steps()).containsExactly(new HclStep.Attr("region"));
    assertThat(region.path()).isEqualTo("var.region");
    HclBlock tags = provider.body().blocks("default_tags").get(0);
    assertThat(((ScopeTraversal) value(tags.body(), "tags")).path()).isEqualTo("local.common_tags");
  }

  @Test
  void nestedResourceBlocksKeepTheirLines() {
    HclBlock bucket = block(fixture(), "resource", "aws_s3_bucket", "logs");

    HclBlock encryption = bucket.body().blocks("server_side_encryption_configuration").get(0);
    HclBlock rule = encryption.body().blocks("rule").get(0);
    HclBlock byDefault = rule.body().blocks("apply_server_side_encryption_by_default").get(0);
    HclAttribute algorithm = byDefault.body().attribute("sse_algorithm").orElseThrow();
    assertThat(string(algorithm.value())).isEqualTo("aws:kms");
    assertThat(algorithm.line()).isEqualTo(93);
    assertThat(encryption.line()).isEqualTo(90);
    assertThat(encryption.endLine()).isEqualTo(96);
    assertThat(rule.line()).isEqualTo(91);
    assertThat(bucket.endLine()).isEqualTo(97);

    Template name = (Template) value(bucket.body(), "bucket");
    assertThat(name.parts()).hasSize(2).element(1).isEqualTo(new HclTemplatePart.Text("-logs"));
    assertThat(name.asString()).isEmpty();
    assertThat(name.isKnown()).isFalse();
  }

  @Test
  void variablesHaveDefaultsAndValidationBlocks() {
    HclBody file = fixture();

    HclBlock environment = block(file, "variable", "environment");
    assertThat(string(value(environment.body(), "default"))).isEqualTo("prod");
    assertThat(((ScopeTraversal) value(environment.body(), "type")).root()).isEqualTo("string");
    HclBlock validation = environment.body().blocks("validation").get(0);
    FunctionCall condition = (FunctionCall) value(validation.body(), "condition");
    assertThat(condition.name()).isEqualTo("contains");
    assertThat(condition.args().get(0)).isInstanceOf(Tuple.class);
    assertThat(condition.args().get(0).isKnown()).isTrue();
    assertThat(((ScopeTraversal) condition.args().get(1)).path()).isEqualTo("var.environment");
    assertThat(validation.line()).isEqualTo(39);
    assertThat(validation.endLine()).isEqualTo(42);

    HclExpr count = value(block(file, "variable", "instance_count").body(), "default");
    assertThat(count.asNumber()).contains(new BigDecimal("3"));
    HclExpr ports = value(block(file, "variable", "allowed_ports").body(), "default");
    assertThat(((Tuple) ports).elements())
        .extracting(e -> e.asNumber().orElseThrow().intValue())
        .containsExactly(80, 443);
    FunctionCall listType =
        (FunctionCall) value(block(file, "variable", "allowed_ports").body(), "type");
    assertThat(listType.name()).isEqualTo("list");
  }

  @Test
  void localsHoldMapsAndForExpressions() {
    HclBody locals = fixture().blocks("locals").get(0).body();

    ObjectCons tags = (ObjectCons) value(locals, "common_tags");
    assertThat(tags.items())
        .extracting(i -> string(i.key()))
        .containsExactly("Environment", "Team", "ManagedBy");
    assertThat(string(tags.get("Team").orElseThrow())).isEqualTo("sre");
    assertThat(tags.isKnown()).isFalse();
    assertThat(locals.attribute("common_tags").orElseThrow().line()).isEqualTo(57);
    assertThat(locals.attribute("common_tags").orElseThrow().endLine()).isEqualTo(61);

    ForExpr subnets = (ForExpr) value(locals, "subnet_ids");
    assertThat(subnets.isObject()).isFalse();
    assertThat(subnets.keyVar()).isNull();
    assertThat(subnets.valueVar()).isEqualTo("s");
    assertThat(subnets.collection().source()).isEqualTo("module.vpc.private_subnets");
    assertThat(subnets.condition().source()).isEqualTo("s != \"\"");

    ForExpr rules = (ForExpr) value(locals, "port_rules");
    assertThat(rules.isObject()).isTrue();
    assertThat(rules.keyExpr()).isInstanceOf(FunctionCall.class);
    assertThat(rules.valueExpr().source()).isEqualTo("p");
    assertThat(rules.grouping()).isFalse();

    Binary isProd = (Binary) value(locals, "is_prod");
    assertThat(isProd.op()).isEqualTo("==");
    assertThat(string(isProd.rhs())).isEqualTo("prod");
  }

  @Test
  void modulesHaveSourceAndVersion() {
    HclBlock vpc = block(fixture(), "module", "vpc");

    assertThat(string(value(vpc.body(), "source"))).isEqualTo("terraform-aws-modules/vpc/aws");
    assertThat(string(value(vpc.body(), "version"))).isEqualTo("5.5.1");
    assertThat(((Tuple) value(vpc.body(), "azs")).elements())
        .extracting(HclTest::string)
        .containsExactly("eu-west-1a", "eu-west-1b");
    assertThat(vpc.body().items())
        .extracting(i -> ((HclAttribute) i).name())
        .containsExactly("source", "version", "name", "cidr", "azs", "private_subnets");
  }

  @Test
  void jsonencodePoliciesAreCallsOnObjectConstructors() {
    HclBlock role = block(fixture(), "resource", "aws_iam_role", "web");

    HclAttribute policy = role.body().attribute("assume_role_policy").orElseThrow();
    assertThat(policy.line()).isEqualTo(123);
    assertThat(policy.endLine()).isEqualTo(130);
    FunctionCall call = (FunctionCall) policy.value();
    assertThat(call.name()).isEqualTo("jsonencode");
    ObjectCons document = (ObjectCons) call.args().get(0);
    assertThat(string(document.get("Version").orElseThrow())).isEqualTo("2012-10-17");
    Tuple statements = (Tuple) document.get("Statement").orElseThrow();
    ObjectCons statement = (ObjectCons) statements.elements().get(0);
    assertThat(string(statement.get("Action").orElseThrow())).isEqualTo("sts:AssumeRole");
    ObjectCons principal = (ObjectCons) statement.get("Principal").orElseThrow();
    assertThat(string(principal.get("Service").orElseThrow())).isEqualTo("ec2.amazonaws.com");
    assertThat(call.isKnown()).isFalse();
    assertThat(document.isKnown()).isTrue();
    assertThat(statement.line()).isEqualTo(125);
  }

  @Test
  void indentedHeredocPoliciesAreTrimmedAndInterpolated() {
    HclBlock policy = block(fixture(), "resource", "aws_iam_role_policy", "logs");

    HclAttribute attribute = policy.body().attribute("policy").orElseThrow();
    assertThat(attribute.line()).isEqualTo(135);
    assertThat(attribute.endLine()).isEqualTo(141);
    Template template = (Template) attribute.value();
    assertThat(template.parts())
        .containsExactly(
            new HclTemplatePart.Text(
                "{\n  \"Effect\": \"Allow\",\n  \"Action\": [\"s3:PutObject\"],\n"
                    + "  \"Resource\": \""),
            template.parts().get(1),
            new HclTemplatePart.Text("/*\"\n}\n"));
    HclExpr arn = ((HclTemplatePart.Interpolation) template.parts().get(1)).expr();
    assertThat(arn.source()).isEqualTo("aws_s3_bucket.logs.arn");
    assertThat(arn.line()).isEqualTo(139);
    assertThat(template.source()).startsWith("<<-EOF\n    {").endsWith("}\n  EOF");
  }

  @Test
  void dynamicBlocksHaveForEachAndContent() {
    HclBlock group = block(fixture(), "resource", "aws_security_group", "web");

    HclBlock dynamic = group.body().blocks("dynamic").get(0);
    assertThat(dynamic.labels()).containsExactly("ingress");
    assertThat(((ScopeTraversal) value(dynamic.body(), "for_each")).path())
        .isEqualTo("local.port_rules");
    HclBlock content = dynamic.body().blocks("content").get(0);
    assertThat(((ScopeTraversal) value(content.body(), "from_port")).path())
        .isEqualTo("ingress.value");
    assertThat(content.line()).isEqualTo(105);
    assertThat(dynamic.endLine()).isEqualTo(111);

    HclBlock egress = group.body().blocks("egress").get(0);
    assertThat(string(value(egress.body(), "protocol"))).isEqualTo("-1");
    assertThat(value(egress.body(), "from_port").asNumber()).contains(BigDecimal.ZERO);
    assertThat(group.body().items()).extracting(HclItem::line).containsExactly(100, 101, 103, 113);
  }

  @Test
  void countConditionalsAndSplatsAreKept() {
    HclBody file = fixture();
    HclBlock instance = block(file, "resource", "aws_instance", "web");

    Conditional count = (Conditional) value(instance.body(), "count");
    assertThat(count.condition().source()).isEqualTo("local.is_prod");
    assertThat(count.ifTrue().source()).isEqualTo("var.instance_count");
    assertThat(count.ifFalse().asNumber()).contains(BigDecimal.ONE);
    Conditional type = (Conditional) value(instance.body(), "instance_type");
    assertThat(string(type.ifTrue())).isEqualTo("m5.large");
    FunctionCall subnet = (FunctionCall) value(instance.body(), "subnet_id");
    assertThat(subnet.args())
        .extracting(HclExpr::source)
        .containsExactly("local.subnet_ids", "count.index");
    assertThat(value(instance.body(), "tags").references())
        .extracting(ScopeTraversal::path)
        .containsExactly("local.common_tags", "local.name", "count.index");

    Splat ids = (Splat) value(block(file, "output", "instance_ids").body(), "value");
    assertThat(ids.full()).isTrue();
    assertThat(((ScopeTraversal) ids.collection()).path()).isEqualTo("aws_instance.web");
    assertThat(ids.steps()).containsExactly(new HclStep.Attr("id"));
  }

  @Test
  void bothSplatFormsTakeTheirSteps() {
    Splat attributes = (Splat) Hcl.parseExpression("aws_instance.web.*.private_ip");
    assertThat(attributes.full()).isFalse();
    assertThat(attributes.steps()).containsExactly(new HclStep.Attr("private_ip"));

    Index afterAttributeSplat = (Index) Hcl.parseExpression("a.*.b[0]");
    assertThat(afterAttributeSplat.collection()).isInstanceOf(Splat.class);

    Splat full = (Splat) Hcl.parseExpression("var.list[*].tags[\"Name\"]");
    assertThat(full.steps()).hasSize(2).element(1).isInstanceOf(HclStep.Index.class);
    assertThat(full.source()).isEqualTo("var.list[*].tags[\"Name\"]");
  }

  // ---- Lines and source text ----------------------------------------------------------------

  @Test
  void attributesAndBlocksCarryTheirLines() {
    HclBody body =
        Hcl.parse(
            """
            # header

            name = "a"
            resource "aws_s3_bucket" "b" {
              tags = {
                Team = "sre"
              }
              versioning { enabled = true }
            }
            after = 1
            """);

    assertThat(body.items()).extracting(HclItem::line).containsExactly(3, 4, 10);
    assertThat(body.items()).extracting(HclItem::endLine).containsExactly(3, 9, 10);
    HclBlock bucket = body.blocks().get(0);
    HclAttribute tags = bucket.body().attribute("tags").orElseThrow();
    assertThat(tags.line()).isEqualTo(5);
    assertThat(tags.endLine()).isEqualTo(7);
    HclBlock versioning = bucket.body().blocks("versioning").get(0);
    assertThat(versioning.line()).isEqualTo(8);
    assertThat(versioning.endLine()).isEqualTo(8);
    assertThat(value(versioning.body(), "enabled").asBoolean()).contains(true);
    assertThat(body.attribute("missing")).isEmpty();
    assertThat(body.blocks("missing")).isEmpty();
  }

  @Test
  void everyExpressionKeepsItsExactSourceAndSpan() {
    HclBody body =
        Hcl.parse(
            """
            x = merge(local.tags,   { Name = "n" })
            y = [
              1,
              2,
            ]
            """);

    FunctionCall merge = (FunctionCall) value(body, "x");
    assertThat(merge.source()).isEqualTo("merge(local.tags,   { Name = \"n\" })");
    assertThat(merge.args().get(1).source()).isEqualTo("{ Name = \"n\" }");
    assertThat(merge.args().get(1).span().column()).isEqualTo(25);
    assertThat(merge.span().endColumn()).isEqualTo(39);
    Tuple y = (Tuple) value(body, "y");
    assertThat(y.source()).isEqualTo("[\n  1,\n  2,\n]");
    assertThat(y.line()).isEqualTo(2);
    assertThat(y.endLine()).isEqualTo(5);
    assertThat(y.elements().get(1).line()).isEqualTo(4);
  }

  // ---- Strings and templates ----------------------------------------------------------------

  @Test
  void everyEscapeIsDecoded() {
    String hcl = "s = \"n\\n r\\r t\\t q\\\" b\\\\ u\\u00e9 U\\U0001F600 $${x} %%{y} $ % 100%\"";

    HclExpr s = value(Hcl.parse(hcl), "s");

    assertThat(string(s)).isEqualTo("n\n r\r t\t q\" b\\ u\u00e9 U\uD83D\uDE00 ${x} %{y} $ % 100%");
    assertThat(s.isKnown()).isTrue();
    assertThat(s.source()).isEqualTo(hcl.substring(4));
  }

  @Test
  void nestedInterpolationsMayHoldStrings() {
    HclExpr expr = Hcl.parseExpression("\"${join(\",\", [for s in var.names : \"${s}-x\"])}!\"");

    Template template = (Template) expr;
    assertThat(template.parts()).hasSize(2);
    FunctionCall join =
        (FunctionCall) ((HclTemplatePart.Interpolation) template.parts().get(0)).expr();
    assertThat(string(join.args().get(0))).isEqualTo(",");
    ForExpr each = (ForExpr) join.args().get(1);
    Template inner = (Template) each.valueExpr();
    assertThat(inner.parts()).element(1).isEqualTo(new HclTemplatePart.Text("-x"));
    assertThat(template.parts().get(1)).isEqualTo(new HclTemplatePart.Text("!"));
  }

  @Test
  void directivesNestTheirPartsAndStripMarkersTrimSpace() {
    Template ifElse = (Template) Hcl.parseExpression("\"%{ if var.on }yes%{ else }no%{ endif }\"");
    HclTemplatePart.If branch = (HclTemplatePart.If) ifElse.parts().get(0);
    assertThat(branch.condition().source()).isEqualTo("var.on");
    assertThat(branch.body()).containsExactly(new HclTemplatePart.Text("yes"));
    assertThat(branch.elseBody()).containsExactly(new HclTemplatePart.Text("no"));
    assertThat(branch.span().source()).isEqualTo("%{ if var.on }yes%{ else }no%{ endif }");

    Template stripped = (Template) Hcl.parseExpression("\"a  ${~ \"b\" ~}  c\"");
    assertThat(stripped.parts()).first().isEqualTo(new HclTemplatePart.Text("a"));
    assertThat(stripped.parts()).last().isEqualTo(new HclTemplatePart.Text("c"));

    Template loop =
        (Template)
            value(
                Hcl.parse(
                    """
                    hosts = <<EOT
                    %{ for i, h in var.hosts ~}
                    ${i}: ${h}
                    %{ endfor ~}
                    EOT
                    """),
                "hosts");
    HclTemplatePart.For each = (HclTemplatePart.For) loop.parts().get(0);
    assertThat(each.keyVar()).isEqualTo("i");
    assertThat(each.valueVar()).isEqualTo("h");
    assertThat(each.body()).element(1).isEqualTo(new HclTemplatePart.Text(": "));
    assertThat(each.body()).last().isEqualTo(new HclTemplatePart.Text("\n"));
    assertThat(loop.parts()).hasSize(1);
    assertThat(loop.children()).extracting(HclExpr::source).containsExactly("var.hosts", "i", "h");
  }

  @Test
  void plainHeredocsKeepIndentationAndTheFinalNewline() {
    HclBody body =
        Hcl.parse("script = <<EOF\n  #!/bin/sh\n  echo \"$HOME\" \\n\nEOF\nnext = 1\r\nlast = 2\n");

    HclAttribute script = body.attribute("script").orElseThrow();
    assertThat(string(script.value())).isEqualTo("  #!/bin/sh\n  echo \"$HOME\" \\n\n");
    assertThat(script.line()).isEqualTo(1);
    assertThat(script.endLine()).isEqualTo(4);
    assertThat(body.attribute("next").orElseThrow().line()).isEqualTo(5);
    assertThat(body.attribute("last").orElseThrow().line()).isEqualTo(6);
  }

  @Test
  void indentedHeredocsIgnoreBlankLinesAndAllowAnIndentedMarker() {
    HclExpr text = value(Hcl.parse("t = <<-EOT\n      one\n\n        two\n    EOT\n"), "t");

    assertThat(string(text)).isEqualTo("one\n\n  two\n");
    assertThat(Hcl.parseExpression("f(<<EOT\nx\nEOT\n, 2)")).isInstanceOf(FunctionCall.class);
    assertThat(string(value(Hcl.parse("e = <<EOT\nEOT\n"), "e"))).isEmpty();
  }

  // ---- Expressions -------------------------------------------------------------------------

  @Test
  void operatorsFollowTheirPrecedence() {
    Binary or = (Binary) Hcl.parseExpression("1 + 2 * 3 == 7 && !false || x > -1");

    assertThat(or.op()).isEqualTo("||");
    Binary and = (Binary) or.lhs();
    assertThat(and.op()).isEqualTo("&&");
    Binary equals = (Binary) and.lhs();
    assertThat(equals.op()).isEqualTo("==");
    Binary plus = (Binary) equals.lhs();
    assertThat(plus.op()).isEqualTo("+");
    assertThat(((Binary) plus.rhs()).op()).isEqualTo("*");
    assertThat(((Unary) and.rhs()).op()).isEqualTo("!");
    assertThat(((Binary) or.rhs()).rhs().asNumber()).contains(new BigDecimal("-1"));

    Binary left = (Binary) Hcl.parseExpression("8 / 4 * 2");
    assertThat(left.op()).isEqualTo("*");
    assertThat(left.lhs().source()).isEqualTo("8 / 4");
    Conditional nested = (Conditional) Hcl.parseExpression("a ? b : c ? d : e");
    assertThat(nested.ifFalse()).isInstanceOf(Conditional.class);
    assertThat(Hcl.parseExpression("-x")).isInstanceOf(Unary.class);
  }

  @Test
  void literalsReadAsValues() {
    assertThat(Hcl.parseExpression("1.5e3").asNumber()).contains(new BigDecimal("1.5e3"));
    assertThat(Hcl.parseExpression("-42").asNumber()).contains(new BigDecimal("-42"));
    assertThat(Hcl.parseExpression("false").asBoolean()).contains(false);
    Literal nothing = (Literal) Hcl.parseExpression("null");
    assertThat(nothing.value()).isNull();
    assertThat(nothing.isKnown()).isTrue();
    assertThat(Hcl.parseExpression("\"\"").asString()).contains("");
    assertThat(Hcl.parseExpression("\"x\"").asNumber()).isEmpty();
    assertThat(Hcl.parseExpression("var.x").isKnown()).isFalse();
    assertThat(Hcl.parseExpression("([1, {a = \"b\"}])").isKnown()).isTrue();
    assertThat(Hcl.parseExpression("[1, {a = var.b}]").isKnown()).isFalse();
  }

  @Test
  void traversalsTakeAttributesIndexesAndLegacyIndexes() {
    ScopeTraversal policy =
        (ScopeTraversal) Hcl.parseExpression("data.aws_iam_policy_document.x.json");
    assertThat(policy.root()).isEqualTo("data");
    assertThat(policy.steps()).hasSize(3);

    ScopeTraversal tag = (ScopeTraversal) Hcl.parseExpression("local.tags[\"a\"]");
    assertThat(string(((HclStep.Index) tag.steps().get(1)).key())).isEqualTo("a");
    ScopeTraversal first = (ScopeTraversal) Hcl.parseExpression("module.vpc.ids[0]");
    assertThat(first.path()).isEqualTo("module.vpc.ids[0]");
    ScopeTraversal dynamic =
        (ScopeTraversal) Hcl.parseExpression("aws_instance.web[count.index].id");
    assertThat(dynamic.path()).isEqualTo("aws_instance.web[count.index].id");
    ScopeTraversal legacy = (ScopeTraversal) Hcl.parseExpression("foo.0.bar");
    assertThat(legacy.path()).isEqualTo("foo[0].bar");
    assertThat(legacy.references()).containsExactly(legacy);
  }

  @Test
  void postfixOperatorsApplyToAnyExpression() {
    GetAttr attr = (GetAttr) Hcl.parseExpression("lookup(var.m, \"k\")[0].name");
    assertThat(attr.name()).isEqualTo("name");
    Index index = (Index) attr.object();
    assertThat(index.collection()).isInstanceOf(FunctionCall.class);
    assertThat(index.key().asNumber()).contains(BigDecimal.ZERO);

    GetAttr parens = (GetAttr) Hcl.parseExpression("(var.a).b");
    assertThat(parens.object()).isInstanceOf(Parens.class);
    assertThat(Hcl.parseExpression("[1, 2][0]")).isInstanceOf(Index.class);
  }

  @Test
  void functionCallsExpandTheirFinalArgumentAndMayBeProviderFunctions() {
    FunctionCall min = (FunctionCall) Hcl.parseExpression("min(var.list...)");
    assertThat(min.expandFinal()).isTrue();
    assertThat(min.args()).hasSize(1);

    FunctionCall provider = (FunctionCall) Hcl.parseExpression("provider::aws::arn_parse(v)");
    assertThat(provider.name()).isEqualTo("provider::aws::arn_parse");

    FunctionCall multiline = (FunctionCall) Hcl.parseExpression("concat(\n  [1],\n  [2],\n)");
    assertThat(multiline.args()).hasSize(2);
    assertThat(multiline.expandFinal()).isFalse();
  }

  @Test
  void objectKeysMayBeWordsStringsOrExpressionsWithEitherSeparator() {
    ObjectCons object =
        (ObjectCons)
            Hcl.parseExpression(
                "{\n  a = 1\n  \"b\": 2, (var.c) = 3\n  for_each = 4,\n  null = 5\n}");

    assertThat(object.items()).hasSize(5);
    assertThat(object.items().get(0).key()).isInstanceOf(Literal.class);
    assertThat(object.get("b").orElseThrow().asNumber()).contains(new BigDecimal("2"));
    assertThat(object.items().get(2).key()).isInstanceOf(Parens.class);
    assertThat(object.get("for_each")).isPresent();
    assertThat(object.get("null")).isPresent();

    ForExpr grouped =
        (ForExpr) Hcl.parseExpression("{\n for k, v in m :\n v => k...\n if k != 0\n}");
    assertThat(grouped.grouping()).isTrue();
    assertThat(grouped.keyVar()).isEqualTo("k");
    assertThat(grouped.condition().source()).isEqualTo("k != 0");
  }

  @Test
  void commentsOfEveryKindAreSkipped() {
    HclBody body =
        Hcl.parse(
            """
            # hash comment
            // slash comment
            a = 1 # trailing
            /* block
               comment */
            b = /* inline */ 2 // trailing
            c = [ # inside
              1, /* two */ 2,
            ]
            """);

    assertThat(body.attributes()).extracting(HclAttribute::name).containsExactly("a", "b", "c");
    assertThat(body.attribute("b").orElseThrow().line()).isEqualTo(6);
    assertThat(((Tuple) value(body, "c")).elements()).hasSize(2);
  }

  @Test
  void newlinesEndAttributesButNotBracketedExpressions() {
    HclBody body =
        Hcl.parse(
            "a = (\n  1 +\n  2\n)\nb = var.on ? (\n  \"x\"\n) : \"y\"\nc = 1 +\n  2\n"
                + "d = f(\n  1,\n  2\n)\n");

    assertThat(body.attributes())
        .extracting(HclAttribute::name)
        .containsExactly("a", "b", "c", "d");
    assertThat(body.attribute("c").orElseThrow().endLine()).isEqualTo(9);
    assertThatThrownBy(() -> Hcl.parse("a = 1\n  + 2\n"))
        .isInstanceOf(HclSyntaxException.class)
        .hasMessageStartingWith("2:3:");
  }

  @Test
  void blockLabelsMayBeBareWordsAndStringsMayBeEmptyBodies() {
    HclBody body = Hcl.parse("locals {}\nthing a \"b c\" {\n}\n");

    assertThat(body.blocks("locals").get(0).body().items()).isEmpty();
    assertThat(body.blocks("thing").get(0).labels()).containsExactly("a", "b c");
    assertThat(Hcl.parse("").items()).isEmpty();
    assertThat(Hcl.parse("\uFEFFa = 1").attribute("a")).isPresent();
  }

  // ---- Errors ------------------------------------------------------------------------------

  @Test
  void anUnclosedBraceSaysWhereItOpened() {
    assertThatThrownBy(() -> Hcl.parse("a = 1\nresource \"x\" \"y\" {\n  b = 2\n"))
        .isInstanceOfSatisfying(
            HclSyntaxException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.problem())
                  .isEqualTo("unclosed '{' of block \"resource\" opened at line 2, column 18");
            });
    assertThatThrownBy(() -> Hcl.parse("x = {\n  a = [1,\n"))
        .isInstanceOf(HclSyntaxException.class)
        .hasMessageContaining("unclosed '[' opened at line 2, column 7");
    assertThatThrownBy(() -> Hcl.parse("x = f(1,\n"))
        .hasMessageContaining("unclosed '(' opened at line 1, column 6");
  }

  @Test
  void aMissingEqualsSignNamesTheBlockOrAttribute() {
    assertThatThrownBy(() -> Hcl.parse("a = 1\nb = 2\nresource     (\n"))
        .isInstanceOfSatisfying(
            HclSyntaxException.class,
            e -> {
              assertThat(e).hasMessage("3:14: expected '=' or a block label after \"resource\"");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(14);
            });
  }

  @Test
  void aBadTokenIsNamed() {
    assertThatThrownBy(() -> Hcl.parse("a = @foo\n"))
        .isInstanceOf(HclSyntaxException.class)
        .hasMessage("1:5: unexpected character '@'; expected an expression");
    assertThatThrownBy(() -> Hcl.parse("a = 'x'\n"))
        .hasMessageContaining("strings use double quotes");
    assertThatThrownBy(() -> Hcl.parse("a = 1 b = 2\n"))
        .hasMessage("1:7: expected a newline after the value of \"a\", found \"b\"");
    assertThatThrownBy(() -> Hcl.parse("}\n")).hasMessage("1:1: unexpected '}': no block is open");
    assertThatThrownBy(() -> Hcl.parse("a = [1 2]\n"))
        .hasMessageStartingWith("1:8: expected ',' or ']' after the tuple element");
  }

  @Test
  void unclosedStringsHeredocsAndInterpolationsSayWhereTheyOpened() {
    assertThatThrownBy(() -> Hcl.parse("a = \"abc\nb = 1\n"))
        .hasMessage(
            "1:9: unclosed string opened at line 1, column 5: no closing '\"' before the end of"
                + " the line");
    assertThatThrownBy(() -> Hcl.parse("a = 1\np = <<EOF\nline\n"))
        .hasMessageContaining("unclosed heredoc <<EOF opened at line 2, column 5")
        .hasMessageContaining("no line holding only EOF");
    assertThatThrownBy(() -> Hcl.parse("a = \"${var.x\"\n"))
        .hasMessageContaining("'}' to close the '${' opened at line 1, column 6");
    assertThatThrownBy(() -> Hcl.parse("a = \"%{ if x }y\"\n"))
        .hasMessageContaining("unclosed %{if} opened at line 1, column 6");
    assertThatThrownBy(() -> Hcl.parse("a = \"%{ endif }\"\n"))
        .hasMessageContaining("%{endif} without a matching %{if}");
    assertThatThrownBy(() -> Hcl.parse("/* never closed\na = 1\n"))
        .hasMessageContaining("unclosed comment");
  }

  @Test
  void otherMistakesAreRefused() {
    assertThatThrownBy(() -> Hcl.parse("a = 1\na = 2\n"))
        .hasMessage("2:1: attribute \"a\" is already defined at line 1");
    assertThatThrownBy(() -> Hcl.parse("a = \"\\q\"\n"))
        .hasMessageStartingWith("1:6: invalid escape sequence \\q");
    assertThatThrownBy(() -> Hcl.parse("a = \"\\u12\"\n"))
        .hasMessageContaining("\\u must be followed by 4 hexadecimal digits");
    assertThatThrownBy(() -> Hcl.parse("a = \"\\UFFFFFFFF\"\n"))
        .hasMessageContaining("is not a Unicode character");
    assertThatThrownBy(() -> Hcl.parse("b \"${x}\" {\n}\n"))
        .hasMessageContaining("a block label must be a plain string");
    assertThatThrownBy(() -> Hcl.parse("a = 1e99999999999\n")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> Hcl.parse("a = <<EOF x\nEOF\n"))
        .hasMessageContaining("expected a newline right after the heredoc introducer <<EOF");
  }

  @Test
  void aDepthBombIsRefusedBeforeTheStackOverflows() {
    for (String bomb :
        List.of(
            "x = " + "[".repeat(10_000),
            "x = " + "{a = ".repeat(10_000),
            "x = " + "!".repeat(10_000) + "y",
            "x = " + "f(".repeat(10_000),
            "x = " + "\"${".repeat(10_000),
            "x = " + "a ? b : ".repeat(10_000) + "c",
            "x = 1" + " + 1".repeat(10_000),
            "x = f()" + "[0]".repeat(10_000),
            "x = \"" + "%{if a}".repeat(10_000),
            "b {\n".repeat(10_000))) {
      assertThatThrownBy(() -> Hcl.parse(bomb))
          .isInstanceOfSatisfying(
              HclSyntaxException.class,
              e -> assertThat(e.problem()).contains("deeper than the limit of 128"));
    }
    String deep = "x = " + "[".repeat(100) + "]".repeat(100);
    assertThat(value(Hcl.parse(deep), "x").source()).hasSize(200);
  }

  @Test
  void anInputOverTheSizeLimitIsRefused() {
    String huge = "#".repeat(Hcl.MAX_CHARS + 1);

    assertThatThrownBy(() -> Hcl.parse(huge))
        .isInstanceOf(HclSyntaxException.class)
        .hasMessageContaining("8388608");
    assertThat(Hcl.parse("#".repeat(Hcl.MAX_CHARS)).items()).isEmpty();
  }
}
