package dev.sremcp.domain.dockerfile;

import static dev.sremcp.domain.report.Severity.HIGH;
import static dev.sremcp.domain.report.Severity.INFO;
import static dev.sremcp.domain.report.Severity.LOW;
import static dev.sremcp.domain.report.Severity.MEDIUM;

import dev.sremcp.domain.review.Rule;
import java.util.List;

/** The rules of {@code review_dockerfile}, with the hadolint rules each covers. */
public final class DockerfileRules {

  static final Rule UNKNOWN_INSTRUCTION =
      Rule.of(
          "dockerfile.unknown-instruction",
          HIGH,
          "Unknown instruction",
          "The builder stops at an instruction it does not know; often a line that lost its"
              + " continuation backslash.",
          "Use a Dockerfile instruction, or end the line above with \\ to continue it.");
  static final Rule INSTRUCTION_ORDER =
      Rule.of(
          "dockerfile.instruction-order",
          HIGH,
          "Instruction before FROM",
          "Only ARG, comments and parser directives may come before the first FROM; the build"
              + " fails otherwise.",
          "Move the instruction after FROM.",
          "hadolint:DL3061");
  static final Rule UNTAGGED_IMAGE =
      Rule.of(
          "dockerfile.untagged-image",
          MEDIUM,
          "Base image without a tag",
          "An untagged image means latest: the build changes whenever the image does.",
          "Pin the base image to a release tag, or better a digest (image:1.2.3@sha256:...).",
          "hadolint:DL3006");
  static final Rule LATEST_TAG =
      Rule.of(
          "dockerfile.latest-tag",
          MEDIUM,
          "Base image tagged latest",
          "latest moves: two builds of the same commit get different bases, and a rollback does"
              + " not roll the base back.",
          "Pin the base image to a release tag, or better a digest.",
          "hadolint:DL3007");
  static final Rule REGISTRY_NOT_ALLOWED =
      Rule.of(
          "dockerfile.registry-not-allowed",
          HIGH,
          "Base image from a registry not allowed",
          "Images from registries outside the allowed list bypass the organisation's scanning and"
              + " provenance controls.",
          "Pull the base image from one of the allowed registries (argument allowedRegistries).",
          "hadolint:DL3026");
  static final Rule FROM_PLATFORM =
      Rule.of(
          "dockerfile.from-platform",
          LOW,
          "FROM with a fixed --platform",
          "A fixed platform breaks multi-platform builds, and --platform=$TARGETPLATFORM is the"
              + " default anyway.",
          "Drop --platform, or use $BUILDPLATFORM for build stages that cross-compile.",
          "hadolint:DL3029",
          "hadolint:DL3065");
  static final Rule DUPLICATE_STAGE =
      Rule.of(
          "dockerfile.duplicate-stage-name",
          HIGH,
          "Stage name used twice",
          "The builder refuses two stages with the same name.",
          "Give each stage its own name.",
          "hadolint:DL3024");
  static final Rule RESERVED_STAGE =
      Rule.of(
          "dockerfile.reserved-stage-name",
          MEDIUM,
          "Stage named with a reserved word",
          "Stages named scratch or context clash with the builder's own names.",
          "Rename the stage.",
          "hadolint:DL3063");
  static final Rule ROOT_USER =
      Rule.of(
          "dockerfile.root-user",
          HIGH,
          "Container runs as root",
          "The final stage's last USER is root: a process that breaks out of the application"
              + " owns the container, and with a host mount, the host.",
          "Create an unprivileged user and end the final stage with USER <name or uid>.",
          "hadolint:DL3002");
  static final Rule NO_USER =
      Rule.of(
          "dockerfile.no-user",
          MEDIUM,
          "Final stage sets no USER",
          "Without USER the container runs as the base image's user, which is root for most"
              + " images.",
          "Add USER with an unprivileged user (a numeric uid works everywhere) to the final stage.");
  static final Rule NON_NUMERIC_USER =
      Rule.of(
          "dockerfile.non-numeric-user",
          INFO,
          "USER by name",
          "Kubernetes' runAsNonRoot can only verify a numeric user; a name may not exist on the"
              + " host.",
          "Use a numeric uid, e.g. USER 10001.",
          "hadolint:DL3066");
  static final Rule RELATIVE_WORKDIR =
      Rule.of(
          "dockerfile.relative-workdir",
          MEDIUM,
          "Relative WORKDIR",
          "A relative WORKDIR depends on every WORKDIR before it, and on the base image's.",
          "Use an absolute path.",
          "hadolint:DL3000");
  static final Rule CD =
      Rule.of(
          "dockerfile.cd-in-run",
          LOW,
          "cd in RUN",
          "cd lasts one RUN; the next instruction starts where WORKDIR says, which surprises"
              + " readers.",
          "Use WORKDIR to change directory.",
          "hadolint:DL3003");
  static final Rule POINTLESS_COMMAND =
      Rule.of(
          "dockerfile.pointless-command",
          LOW,
          "Command that makes no sense in a build",
          "Interactive or system tools (ssh, vim, service, shutdown, top...) do nothing useful in a"
              + " build step.",
          "Remove the command.",
          "hadolint:DL3001");
  static final Rule SUDO =
      Rule.of(
          "dockerfile.sudo",
          MEDIUM,
          "sudo in RUN",
          "Build steps run as the current USER already; sudo adds a setuid binary and a TTY"
              + " dependency.",
          "Switch with USER, or use gosu/su-exec in an entrypoint.",
          "hadolint:DL3004");
  static final Rule UNPINNED_PACKAGES =
      Rule.of(
          "dockerfile.unpinned-packages",
          LOW,
          "Packages installed without versions",
          "Unpinned packages make builds unrepeatable: the same Dockerfile builds different"
              + " images on different days.",
          "Pin each package: apt-get pkg=1.2.3, apk pkg=1.2.3, pip pkg==1.2.3, npm pkg@1.2.3, gem"
              + " pkg:1.2.3, yum/dnf pkg-1.2.3, zypper pkg=1.2.3, go install pkg@v1.2.3.",
          "hadolint:DL3008",
          "hadolint:DL3013",
          "hadolint:DL3016",
          "hadolint:DL3018",
          "hadolint:DL3028",
          "hadolint:DL3033",
          "hadolint:DL3037",
          "hadolint:DL3041",
          "hadolint:DL3062");
  static final Rule INTERACTIVE_INSTALL =
      Rule.of(
          "dockerfile.interactive-install",
          MEDIUM,
          "Package install that asks for confirmation",
          "Without -y the package manager waits for an answer the build cannot give.",
          "Add -y (apt-get, yum, dnf) or -n/--non-interactive (zypper).",
          "hadolint:DL3014",
          "hadolint:DL3030",
          "hadolint:DL3034",
          "hadolint:DL3038");
  static final Rule RECOMMENDS =
      Rule.of(
          "dockerfile.apt-recommends",
          LOW,
          "apt-get installs recommended packages",
          "Recommended packages add size and attack surface nobody asked for.",
          "Add --no-install-recommends.",
          "hadolint:DL3015");
  static final Rule CACHE_KEPT =
      Rule.of(
          "dockerfile.package-cache-kept",
          LOW,
          "Package manager cache left in the layer",
          "Caches and package lists left in a layer make the image larger for nothing.",
          "Clean in the same RUN: rm -rf /var/lib/apt/lists/*, apk add --no-cache, yum/dnf clean"
              + " all, zypper clean, pip install --no-cache-dir, yarn cache clean; or use a cache"
              + " mount.",
          "hadolint:DL3009",
          "hadolint:DL3019",
          "hadolint:DL3032",
          "hadolint:DL3036",
          "hadolint:DL3040",
          "hadolint:DL3042",
          "hadolint:DL3060");
  static final Rule APT =
      Rule.of(
          "dockerfile.apt",
          LOW,
          "apt in a script",
          "apt's command line is for people: it has no stable interface and warns so.",
          "Use apt-get or apt-cache.",
          "hadolint:DL3027");
  static final Rule UPGRADE =
      Rule.of(
          "dockerfile.distribution-upgrade",
          LOW,
          "Whole-distribution upgrade",
          "Upgrading everything in a build makes it unrepeatable and hides what the base image"
              + " should provide.",
          "Use a newer base image, or upgrade the few packages that need it.",
          "hadolint:DL3035");
  static final Rule ADD_FOR_COPY =
      Rule.of(
          "dockerfile.add-instead-of-copy",
          MEDIUM,
          "ADD where COPY does",
          "ADD also unpacks archives and fetches URLs; for plain files that magic only surprises.",
          "Use COPY for files and folders.",
          "hadolint:DL3020");
  static final Rule ADD_URL =
      Rule.of(
          "dockerfile.add-remote-url",
          MEDIUM,
          "ADD of a URL without a checksum",
          "A remote file fetched without verification can change under the build, or be"
              + " replaced by an attacker.",
          "Add --checksum=sha256:... to ADD, or download and verify in RUN.");
  static final Rule COPY_ARCHIVE =
      Rule.of(
          "dockerfile.copy-then-extract",
          INFO,
          "Archive copied, then extracted",
          "Copying an archive and extracting it in a later RUN keeps both in the image.",
          "Use ADD, which extracts a local archive in one layer.",
          "hadolint:DL3010");
  static final Rule COPY_DESTINATION =
      Rule.of(
          "dockerfile.copy-destination-not-dir",
          HIGH,
          "COPY of several sources to a non-directory",
          "With more than one source the destination must end with /; the build fails.",
          "End the destination with /.",
          "hadolint:DL3021");
  static final Rule COPY_FROM_UNKNOWN =
      Rule.of(
          "dockerfile.copy-from-unknown-stage",
          MEDIUM,
          "COPY --from names no earlier stage",
          "--from names a stage not defined above; the builder reads it as an image to pull.",
          "Name a stage defined earlier in the file, or a pinned image.",
          "hadolint:DL3022");
  static final Rule COPY_FROM_SELF =
      Rule.of(
          "dockerfile.copy-from-own-stage",
          HIGH,
          "COPY --from its own stage",
          "A stage cannot copy from itself; the build fails.",
          "Copy from an earlier stage.",
          "hadolint:DL3023");
  static final Rule COPY_WHOLE_STAGE =
      Rule.of(
          "dockerfile.copy-whole-stage",
          MEDIUM,
          "COPY of a stage's whole filesystem",
          "Copying / from another stage brings its toolchain, caches and secrets along: the"
              + " multi-stage build no longer keeps them out.",
          "Copy only the artefacts the final image needs.",
          "hadolint:DL3067");
  static final Rule COPY_RELATIVE =
      Rule.of(
          "dockerfile.copy-relative-destination",
          LOW,
          "COPY to a relative path before any WORKDIR",
          "A relative destination lands wherever the base image's WORKDIR points.",
          "Set WORKDIR first, or use an absolute destination.",
          "hadolint:DL3045");
  static final Rule SECRET_FILE =
      Rule.of(
          "dockerfile.secret-file-copied",
          HIGH,
          "Credentials copied into the image",
          "Keys and credential files copied into a layer stay in the image for anyone who can"
              + " pull it, even if a later step deletes them.",
          "Use RUN --mount=type=secret (or ssh) for build-time credentials; never COPY them.");
  static final Rule SECRET_ENV =
      Rule.of(
          "dockerfile.secret-in-env-or-arg",
          HIGH,
          "Secret in ENV or ARG",
          "ENV values live in the image's configuration and ARG values in its history: anyone who"
              + " can pull the image reads them.",
          "Pass secrets at run time, or at build time with RUN --mount=type=secret.",
          "hadolint:DL3064");
  static final Rule PIPE_TO_SHELL =
      Rule.of(
          "dockerfile.pipe-to-shell",
          HIGH,
          "Script downloaded and piped to a shell",
          "curl | sh runs whatever the server sends at build time, unverified.",
          "Download the script, verify its checksum or signature, then run it.");
  static final Rule PIPEFAIL =
      Rule.of(
          "dockerfile.pipe-without-pipefail",
          MEDIUM,
          "Pipe without pipefail",
          "/bin/sh reports only the last command of a pipe: a failed download piped into tar"
              + " passes the build.",
          "Start the stage with SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"], or add"
              + " set -o pipefail to the RUN.",
          "hadolint:DL4006");
  static final Rule SHELL_SWITCH =
      Rule.of(
          "dockerfile.shell-switch",
          LOW,
          "Shell replaced by linking /bin/sh",
          "Replacing /bin/sh changes every later script, and the base image's own scripts.",
          "Use the SHELL instruction.",
          "hadolint:DL4005");
  static final Rule WORLD_WRITABLE =
      Rule.of(
          "dockerfile.world-writable",
          MEDIUM,
          "chmod 777",
          "World-writable files let any process in the container change them, including code.",
          "Grant the least: e.g. chown to the app user and chmod 755 or 644.");
  static final Rule CURL_AND_WGET =
      Rule.of(
          "dockerfile.curl-and-wget",
          LOW,
          "Both curl and wget",
          "Two download tools where one does: more size, more to patch.",
          "Pick one.",
          "hadolint:DL4001");
  static final Rule WGET_PROGRESS =
      Rule.of(
          "dockerfile.wget-progress",
          INFO,
          "wget without --progress",
          "wget's default progress bar fills build logs.",
          "Add --progress=dot:giga, or -q.",
          "hadolint:DL3047");
  static final Rule USERADD_HIGH_UID =
      Rule.of(
          "dockerfile.useradd-high-uid",
          LOW,
          "useradd of a high uid without -l",
          "useradd writes a lastlog entry sized by the uid: a high uid makes a sparse file of"
              + " gigabytes.",
          "Add -l (--no-log-init).",
          "hadolint:DL3046");
  static final Rule ENV_SELF_REFERENCE =
      Rule.of(
          "dockerfile.env-self-reference",
          MEDIUM,
          "ENV refers to a variable it defines",
          "Variables set in one ENV are not visible to that ENV's other values: the reference"
              + " reads the old value.",
          "Split the ENV in two.",
          "hadolint:DL3044");
  static final Rule INVALID_PORT =
      Rule.of(
          "dockerfile.invalid-port",
          HIGH,
          "EXPOSE of an invalid port",
          "Ports run from 0 to 65535.",
          "Expose a valid port.",
          "hadolint:DL3011");
  static final Rule SSH_PORT =
      Rule.of(
          "dockerfile.ssh-port",
          MEDIUM,
          "SSH port exposed",
          "An SSH server in a container is a second way in, with its own keys to manage.",
          "Remove the SSH server; use kubectl exec or docker exec for access.");
  static final Rule SHELL_FORM_CMD =
      Rule.of(
          "dockerfile.shell-form-entrypoint",
          MEDIUM,
          "CMD or ENTRYPOINT in shell form",
          "In shell form the process runs under /bin/sh -c: it does not receive SIGTERM and is"
              + " killed at the end of the grace period.",
          "Use the JSON form: CMD [\"executable\", \"arg\"].",
          "hadolint:DL3025");
  static final Rule MULTIPLE_CMD =
      Rule.of(
          "dockerfile.multiple-cmd",
          MEDIUM,
          "More than one CMD in a stage",
          "Only the last CMD takes effect.",
          "Keep one CMD per stage.",
          "hadolint:DL4003");
  static final Rule MULTIPLE_ENTRYPOINT =
      Rule.of(
          "dockerfile.multiple-entrypoint",
          HIGH,
          "More than one ENTRYPOINT in a stage",
          "Only the last ENTRYPOINT takes effect.",
          "Keep one ENTRYPOINT per stage.",
          "hadolint:DL4004");
  static final Rule MULTIPLE_HEALTHCHECK =
      Rule.of(
          "dockerfile.multiple-healthcheck",
          MEDIUM,
          "More than one HEALTHCHECK in a stage",
          "Only the last HEALTHCHECK takes effect.",
          "Keep one HEALTHCHECK per stage.",
          "hadolint:DL3012");
  static final Rule NO_HEALTHCHECK =
      Rule.of(
          "dockerfile.missing-healthcheck",
          INFO,
          "No HEALTHCHECK",
          "Docker and Compose cannot tell a hung container from a healthy one (Kubernetes uses"
              + " probes instead, so this matters outside Kubernetes).",
          "Add HEALTHCHECK CMD ... to the final stage, or HEALTHCHECK NONE to say it is deliberate.",
          "hadolint:DL3057");
  static final Rule CONSECUTIVE_RUN =
      Rule.of(
          "dockerfile.consecutive-run",
          INFO,
          "Consecutive RUN instructions",
          "Each RUN is a layer; consecutive ones can usually be one.",
          "Join them with &&, or use a here-document.",
          "hadolint:DL3059");
  static final Rule NESTED_ONBUILD =
      Rule.of(
          "dockerfile.nested-onbuild",
          HIGH,
          "ONBUILD triggers ONBUILD, FROM or MAINTAINER",
          "The builder refuses these as ONBUILD triggers.",
          "Remove the trigger.",
          "hadolint:DL3043");
  static final Rule MAINTAINER =
      Rule.of(
          "dockerfile.maintainer",
          LOW,
          "MAINTAINER is deprecated",
          "MAINTAINER was replaced by labels.",
          "Use LABEL org.opencontainers.image.authors=\"...\".",
          "hadolint:DL4000");
  static final Rule LABEL_KEY =
      Rule.of(
          "dockerfile.label-key",
          LOW,
          "Invalid label key",
          "Label keys are reverse-DNS names of lower-case letters, digits, dots and dashes.",
          "Rename the label, e.g. org.opencontainers.image.source.",
          "hadolint:DL3048");
  static final Rule LABEL_MISSING =
      Rule.of(
          "dockerfile.label-missing",
          LOW,
          "Required label missing",
          "The label schema the call gave requires this label on the final image.",
          "Add the label with LABEL.",
          "hadolint:DL3049");
  static final Rule LABEL_SUPERFLUOUS =
      Rule.of(
          "dockerfile.label-superfluous",
          INFO,
          "Label outside the schema",
          "With strictLabels the image carries only the schema's labels.",
          "Remove the label, or add it to the schema.",
          "hadolint:DL3050");
  static final Rule LABEL_INVALID =
      Rule.of(
          "dockerfile.label-invalid",
          LOW,
          "Label value of the wrong form",
          "A label's value must have the form the schema gives: text (not empty), url, rfc3339,"
              + " spdx, hash, semver or email.",
          "Correct the value.",
          "hadolint:DL3051",
          "hadolint:DL3052",
          "hadolint:DL3053",
          "hadolint:DL3054",
          "hadolint:DL3055",
          "hadolint:DL3056",
          "hadolint:DL3058");

  /** Every rule, in the order the documentation lists them. */
  public static final List<Rule> ALL =
      List.of(
          UNKNOWN_INSTRUCTION,
          INSTRUCTION_ORDER,
          UNTAGGED_IMAGE,
          LATEST_TAG,
          REGISTRY_NOT_ALLOWED,
          FROM_PLATFORM,
          DUPLICATE_STAGE,
          RESERVED_STAGE,
          ROOT_USER,
          NO_USER,
          NON_NUMERIC_USER,
          RELATIVE_WORKDIR,
          CD,
          POINTLESS_COMMAND,
          SUDO,
          UNPINNED_PACKAGES,
          INTERACTIVE_INSTALL,
          RECOMMENDS,
          CACHE_KEPT,
          APT,
          UPGRADE,
          ADD_FOR_COPY,
          ADD_URL,
          COPY_ARCHIVE,
          COPY_DESTINATION,
          COPY_FROM_UNKNOWN,
          COPY_FROM_SELF,
          COPY_WHOLE_STAGE,
          COPY_RELATIVE,
          SECRET_FILE,
          SECRET_ENV,
          PIPE_TO_SHELL,
          PIPEFAIL,
          SHELL_SWITCH,
          WORLD_WRITABLE,
          CURL_AND_WGET,
          WGET_PROGRESS,
          USERADD_HIGH_UID,
          ENV_SELF_REFERENCE,
          INVALID_PORT,
          SSH_PORT,
          SHELL_FORM_CMD,
          MULTIPLE_CMD,
          MULTIPLE_ENTRYPOINT,
          MULTIPLE_HEALTHCHECK,
          NO_HEALTHCHECK,
          CONSECUTIVE_RUN,
          NESTED_ONBUILD,
          MAINTAINER,
          LABEL_KEY,
          LABEL_MISSING,
          LABEL_SUPERFLUOUS,
          LABEL_INVALID);

  private DockerfileRules() {}
}
