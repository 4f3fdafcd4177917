package dev.sremcp.domain.dockerfile;

import static dev.sremcp.domain.dockerfile.DockerfileRules.*;

import dev.sremcp.domain.review.ReviewReport;
import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.review.SourceFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of {@code review_dockerfile} over one parsed Dockerfile. */
final class DockerfileReview {

  /**
   * What the call configures: the registries base images may come from (empty: any), the label
   * schema (label to form) and whether labels outside it are findings.
   */
  record Settings(List<String> allowedRegistries, Map<String, String> labels, boolean strict) {}

  private static final Set<String> INSTRUCTIONS =
      Set.of(
          "FROM",
          "RUN",
          "CMD",
          "LABEL",
          "MAINTAINER",
          "EXPOSE",
          "ENV",
          "ADD",
          "COPY",
          "ENTRYPOINT",
          "VOLUME",
          "USER",
          "WORKDIR",
          "ARG",
          "ONBUILD",
          "STOPSIGNAL",
          "HEALTHCHECK",
          "SHELL");
  private static final Set<String> POINTLESS =
      Set.of(
          "ssh",
          "vim",
          "vi",
          "nano",
          "shutdown",
          "service",
          "ps",
          "free",
          "top",
          "kill",
          "mount",
          "ifconfig");
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(passw(or)?d|secret|token|api_?key|access_?key|private_?key|credential|auth_?key).*");
  private static final Pattern SECRET_PATH =
      Pattern.compile(
          "(?i)(^|.*/)(\\.ssh(/.*)?|id_(rsa|dsa|ecdsa|ed25519)|\\.aws(/.*)?|\\.npmrc|\\.pypirc|"
              + "\\.netrc|\\.docker/config\\.json|\\.env|\\.git-credentials|.*\\.(pem|key|p12|pfx))$");
  private static final Pattern ARCHIVE =
      Pattern.compile("(?i).*\\.(tar|tar\\.(gz|bz2|xz)|tgz|tbz2|txz)$");
  private static final Pattern LABEL_KEY_FORM = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern NUMERIC_USER = Pattern.compile("\\d+(:\\d+)?");
  private static final Pattern VERSIONED_RPM = Pattern.compile(".+-\\d.*");

  /**
   * What a stage leaves to a stage built FROM it: whether WORKDIR and pipefail are set, its last
   * USER and HEALTHCHECK.
   */
  private record Inherited(
      boolean workdir, boolean pipefail, Instruction user, Instruction healthcheck) {
    static final Inherited NOTHING = new Inherited(false, false, null, null);
  }

  private final SourceFile file;
  private final Dockerfile dockerfile;
  private final ReviewReport report;
  private final Settings settings;

  /** Findings per rule and instruction, which stop at 5: a 20,000-line RUN stays linear. */
  private final Map<String, Integer> flagged = new HashMap<>();

  private DockerfileReview(
      SourceFile file, Dockerfile dockerfile, ReviewReport report, Settings settings) {
    this.file = file;
    this.dockerfile = dockerfile;
    this.report = report;
    this.settings = settings;
  }

  /** Reviews one file; returns the number of instructions checked. */
  static int review(SourceFile file, ReviewReport report, Settings settings) {
    Dockerfile dockerfile = Dockerfile.parse(file.text());
    new DockerfileReview(file, dockerfile, report, settings).run();
    return dockerfile.instructions().size();
  }

  private void run() {
    order();
    List<Stage> stages = dockerfile.stages();
    Set<String> names = new HashSet<>();
    Map<String, Inherited> ends = new HashMap<>();
    Inherited last = Inherited.NOTHING;
    for (Stage stage : stages) {
      String base = stage.image().toLowerCase(Locale.ROOT);
      boolean fromStage = names.contains(base);
      from(stage, fromStage, names);
      last =
          stageInstructions(
              stage,
              stages,
              fromStage ? ends.getOrDefault(base, Inherited.NOTHING) : Inherited.NOTHING);
      if (stage.name() != null) {
        ends.put(stage.name(), last);
      }
    }
    if (!stages.isEmpty()) {
      finalStage(stages.getLast(), last);
    }
    for (Instruction instruction : dockerfile.instructions()) {
      if (instruction.is("LABEL")) {
        labelKeys(instruction);
      }
      if (!INSTRUCTIONS.contains(instruction.keyword())) {
        flag(
            UNKNOWN_INSTRUCTION,
            instruction,
            "'" + instruction.keyword() + "' is not an instruction");
      }
    }
  }

  private void order() {
    for (Instruction instruction : dockerfile.instructions()) {
      if (instruction.is("FROM")) {
        return;
      }
      if (!instruction.is("ARG") && INSTRUCTIONS.contains(instruction.keyword())) {
        flag(
            INSTRUCTION_ORDER, instruction, instruction.keyword() + " comes before the first FROM");
        return;
      }
    }
  }

  private void from(Stage stage, boolean fromStage, Set<String> names) {
    Instruction from = stage.from();
    if (stage.name() != null) {
      if (!names.add(stage.name())) {
        flag(DUPLICATE_STAGE, from, "the stage name '" + stage.name() + "' is already used above");
      }
      if (stage.name().equals("scratch") || stage.name().equals("context")) {
        flag(RESERVED_STAGE, from, "'" + stage.name() + "' is reserved");
      }
    }
    from.flag("platform")
        .ifPresent(
            platform -> {
              if (!platform.contains("BUILDPLATFORM")) {
                flag(FROM_PLATFORM, from, "FROM sets --platform=" + platform);
              }
            });
    String image = stage.image();
    if (fromStage || image.equalsIgnoreCase("scratch") || image.contains("$") || image.isEmpty()) {
      return;
    }
    ImageReference reference = ImageReference.parse(image);
    if (reference.digest() == null) {
      if (reference.tag() == null) {
        flag(UNTAGGED_IMAGE, from, image + " has no tag, so it means " + image + ":latest");
      } else if (reference.tag().equals("latest")) {
        flag(LATEST_TAG, from, image + " is tagged latest");
      }
    }
    if (!settings.allowedRegistries().isEmpty()
        && !settings.allowedRegistries().contains(reference.registry())) {
      flag(
          REGISTRY_NOT_ALLOWED,
          from,
          image
              + " comes from "
              + reference.registry()
              + ", which is not in "
              + settings.allowedRegistries());
    }
  }

  /**
   * Checks a stage's instructions, starting from what its base stage left; returns what it leaves.
   */
  private Inherited stageInstructions(Stage stage, List<Stage> stages, Inherited start) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    boolean workdir = start.workdir();
    Instruction user = start.user();
    Instruction healthcheck = start.healthcheck();
    Instruction previous = null;
    Set<String> downloaders = new HashSet<>();
    Instruction firstDownloader = null;
    boolean pipefail = start.pipefail();
    Map<String, Instruction> copiedArchives = new LinkedHashMap<>();
    for (Instruction instruction : stage.instructions()) {
      counts.merge(instruction.keyword(), 1, Integer::sum);
      switch (instruction.keyword()) {
        case "RUN" -> {
          if (previous != null
              && previous.is("RUN")
              && !hasMount(previous)
              && !hasMount(instruction)) {
            flag(CONSECUTIVE_RUN, instruction, "this RUN follows another RUN");
          }
          List<Shell.Command> commands = Shell.commands(instruction.script());
          pipefail |= run(instruction, commands, pipefail);
          for (Shell.Command command : commands) {
            if (command.runs("curl", "wget")) {
              downloaders.add(command.program());
              firstDownloader = firstDownloader == null ? instruction : firstDownloader;
            }
            if (command.runs("tar") || command.runs("unzip")) {
              for (Map.Entry<String, Instruction> archive : copiedArchives.entrySet()) {
                if (command.toString().contains(archive.getKey())) {
                  flag(
                      COPY_ARCHIVE,
                      archive.getValue(),
                      archive.getKey()
                          + " is copied here and extracted at line "
                          + instruction.line());
                }
              }
            }
          }
        }
        case "SHELL" -> pipefail = instruction.isExec() && instruction.exec().contains("pipefail");
        case "WORKDIR" -> {
          workdir = true;
          String path = Shell.unquote(instruction.rest());
          if (!path.startsWith("/") && !path.startsWith("$") && !path.matches("[A-Za-z]:.*")) {
            flag(RELATIVE_WORKDIR, instruction, "WORKDIR " + path + " is relative");
          }
        }
        case "COPY", "ADD" -> {
          copy(instruction, stage, stages, workdir);
          if (instruction.is("COPY") && instruction.flag("from").isEmpty()) {
            List<String> words = words(instruction);
            for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
              if (copiedArchives.size() < 100 && ARCHIVE.matcher(source).matches()) {
                copiedArchives.put(source.substring(source.lastIndexOf('/') + 1), instruction);
              }
            }
          }
        }
        case "ENV", "ARG" -> variables(instruction);
        case "EXPOSE" -> expose(instruction);
        case "MAINTAINER" -> flag(MAINTAINER, instruction, "MAINTAINER is deprecated");
        case "ONBUILD" -> {
          String trigger = instruction.rest().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
          if (trigger.equals("ONBUILD") || trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
            flag(NESTED_ONBUILD, instruction, "ONBUILD " + trigger + " is not allowed");
          }
        }
        case "CMD", "ENTRYPOINT" -> {
          if (!instruction.isExec() && !instruction.rest().isBlank()) {
            flag(SHELL_FORM_CMD, instruction, instruction.keyword() + " is in shell form");
          }
        }
        default -> {}
      }
      if (instruction.is("CMD") && counts.get("CMD") > 1) {
        flag(MULTIPLE_CMD, instruction, "a second CMD in this stage; only the last counts");
      }
      if (instruction.is("ENTRYPOINT") && counts.get("ENTRYPOINT") > 1) {
        flag(
            MULTIPLE_ENTRYPOINT,
            instruction,
            "a second ENTRYPOINT in this stage; only the last counts");
      }
      if (instruction.is("HEALTHCHECK") && counts.get("HEALTHCHECK") > 1) {
        flag(MULTIPLE_HEALTHCHECK, instruction, "a second HEALTHCHECK in this stage");
      }
      if (instruction.is("USER")) {
        user = instruction;
      } else if (instruction.is("HEALTHCHECK")) {
        healthcheck = instruction;
      }
      previous = instruction;
    }
    if (downloaders.size() > 1) {
      flag(CURL_AND_WGET, firstDownloader, "this stage uses both curl and wget");
    }
    return new Inherited(workdir, pipefail, user, healthcheck);
  }

  private static boolean hasMount(Instruction instruction) {
    return instruction.flag("mount").isPresent();
  }

  /** The checks of one RUN; returns whether it turns pipefail on for later RUNs. */
  private boolean run(Instruction run, List<Shell.Command> commands, boolean pipefail) {
    boolean setsPipefail = false;
    boolean aptUpdate = false;
    boolean aptListsRemoved = run.script().contains("/var/lib/apt/lists");
    boolean cacheMount = run.flag("mount").map(mount -> mount.contains("type=cache")).orElse(false);
    for (int i = 0; i < commands.size(); i++) {
      Shell.Command command = commands.get(i);
      String program = command.program();
      if (command.runs("set") && command.toString().contains("pipefail")) {
        setsPipefail = true;
      }
      if (command.words().contains("sudo")) {
        flag(SUDO, run, "sudo", "RUN uses sudo");
      }
      if (POINTLESS.contains(program)) {
        flag(POINTLESS_COMMAND, run, program, program + " makes no sense in a build step");
      }
      if (command.runs("cd") && i + 1 < commands.size()) {
        flag(CD, run, "cd", "cd " + String.join(" ", command.arguments()) + " in RUN");
      }
      if (command.pipesOut() && !pipefail && !setsPipefail && !run.isExec()) {
        flag(PIPEFAIL, run, program + " |", "'" + command + " | ...' runs without pipefail");
      }
      if (command.runs("curl", "wget") && command.pipesOut() && i + 1 < commands.size()) {
        Shell.Command next = commands.get(i + 1);
        if (next.runs("sh", "bash", "zsh", "dash", "ash", "ksh", "python", "python3", "perl")) {
          flag(PIPE_TO_SHELL, run, program, program + " output is piped into " + next.program());
        }
      }
      if (command.runs("wget")
          && !command.hasOption("--progress", "-q", "--quiet", "-nv", "--no-verbose")) {
        flag(WGET_PROGRESS, run, "wget", "wget without --progress");
      }
      if (command.runs("chmod")
          && command.arguments().stream().anyMatch(a -> a.matches("0?777|a\\+rwx|\\+rwx|o\\+w"))) {
        flag(WORLD_WRITABLE, run, "chmod", "'" + command + "' makes files world-writable");
      }
      if (command.runs("ln") && command.arguments().stream().anyMatch(a -> a.equals("/bin/sh"))) {
        flag(SHELL_SWITCH, run, "/bin/sh", "'" + command + "' replaces /bin/sh");
      }
      if (command.runs("useradd")
          && !command.hasOption("-l", "--no-log-init")
          && uid(command).filter(uid -> uid > 99_999).isPresent()) {
        flag(
            USERADD_HIGH_UID,
            run,
            "useradd",
            "useradd of uid " + uid(command).get() + " without -l");
      }
      if (command.runs("apt")) {
        flag(APT, run, "apt", "'" + command + "' uses apt");
      }
      packages(run, command, cacheMount);
      aptUpdate |= command.invokes("apt-get", "update") || command.invokes("apt", "update");
    }
    boolean installs =
        commands.stream()
            .anyMatch(c -> c.invokes("apt-get", "install") || c.invokes("apt", "install"));
    if (installs && !aptListsRemoved && !cacheMount) {
      flag(
          CACHE_KEPT,
          run,
          "apt-get install",
          "apt-get install without removing /var/lib/apt/lists/*");
    }
    cleaned(run, commands, cacheMount, new String[] {"yum"}, "clean", "yum clean all");
    cleaned(run, commands, cacheMount, new String[] {"dnf", "microdnf"}, "clean", "dnf clean all");
    cleaned(run, commands, cacheMount, new String[] {"zypper"}, "clean", "zypper clean");
    boolean yarnInstall =
        commands.stream()
            .anyMatch(
                c -> c.invokes("yarn", "install") || c.runs("yarn") && c.subcommand().isEmpty());
    if (yarnInstall && !cacheMount && !run.script().contains("yarn cache clean")) {
      flag(CACHE_KEPT, run, "yarn", "yarn install without yarn cache clean");
    }
    if (aptUpdate && !installs) {
      // apt-get update alone: its lists stay in the layer
      if (!aptListsRemoved && !cacheMount) {
        flag(
            CACHE_KEPT,
            run,
            "apt-get update",
            "apt-get update leaves /var/lib/apt/lists in the layer");
      }
    }
    return setsPipefail;
  }

  private void cleaned(
      Instruction run,
      List<Shell.Command> commands,
      boolean cacheMount,
      String[] programs,
      String clean,
      String what) {
    boolean installs = false;
    boolean cleans = false;
    for (Shell.Command command : commands) {
      if (command.runs(programs)) {
        String sub = command.subcommand();
        installs |=
            sub.equals("install")
                || sub.equals("in")
                || sub.equals("update")
                || sub.equals("upgrade");
        cleans |= sub.equals(clean) || sub.equals("cc");
      }
    }
    if (installs && !cleans && !cacheMount && !run.script().contains("/var/cache/")) {
      flag(CACHE_KEPT, run, programs[0], "installs with " + programs[0] + " without " + what);
    }
  }

  private void packages(Instruction run, Shell.Command command, boolean cacheMount) {
    String sub = command.subcommand();
    if (command.runs("apt-get", "apt")) {
      if (sub.equals("install")) {
        if (!command.hasOption("-y", "--yes", "--assume-yes", "-q=2", "-qq")) {
          flag(
              INTERACTIVE_INSTALL,
              run,
              command.program() + " install",
              "apt-get install without -y");
        }
        if (!command.hasOption("--no-install-recommends")
            && !run.script().contains("APT::Install-Recommends")) {
          flag(
              RECOMMENDS,
              run,
              command.program() + " install",
              "apt-get install without --no-install-recommends");
        }
        unpinned(
            run,
            command,
            Set.of("-o", "-t", "--target-release"),
            p -> p.contains("=") || p.endsWith(".deb"),
            "apt-get");
      }
      if (sub.equals("upgrade") || sub.equals("dist-upgrade") || sub.equals("full-upgrade")) {
        flag(UPGRADE, run, sub, command.program() + " " + sub + " upgrades the whole distribution");
      }
    } else if (command.runs("apk") && sub.equals("add")) {
      if (!command.hasOption("--no-cache")
          && !cacheMount
          && !run.script().contains("/var/cache/apk")) {
        flag(CACHE_KEPT, run, "apk", "apk add without --no-cache");
      }
      unpinned(
          run,
          command,
          Set.of("-t", "--virtual", "-X", "--repository"),
          p -> p.contains("="),
          "apk");
    } else if (command.runs("pip", "pip3") || isPythonPip(command)) {
      List<String> args =
          isPythonPip(command)
              ? command.arguments().subList(2, command.arguments().size())
              : command.arguments();
      if (!args.isEmpty()
          && args.stream()
              .filter(a -> !a.startsWith("-"))
              .findFirst()
              .orElse("")
              .equals("install")) {
        if (!args.contains("--no-cache-dir")
            && !cacheMount
            && !run.script().contains("PIP_NO_CACHE_DIR")) {
          flag(CACHE_KEPT, run, "install", "pip install without --no-cache-dir");
        }
        if (!args.contains("-r") && !args.contains("--requirement") && !args.contains("-e")) {
          List<String> operands =
              operands(
                  args,
                  Set.of(
                      "-c",
                      "--constraint",
                      "-i",
                      "--index-url",
                      "--extra-index-url",
                      "-t",
                      "--target",
                      "--prefix",
                      "-f",
                      "--find-links",
                      "--root"));
          for (String operand : operands) {
            if (!operand.matches(".*(==|>=|<=|~=|!=|===|@).*")
                && !operand.contains("/")
                && !operand.contains(".whl")
                && !operand.contains(".tar")
                && !operand.equals(".")
                && !operand.contains("$")) {
              flag(
                  UNPINNED_PACKAGES,
                  run,
                  operand,
                  "pip installs " + operand + " without a version");
              break;
            }
          }
        }
      }
    } else if (command.runs("npm")
        && (sub.equals("install") || sub.equals("i") || sub.equals("add"))) {
      for (String operand : command.operands()) {
        boolean pinned =
            operand.lastIndexOf('@') > 0
                || operand.contains("/") && !operand.startsWith("@")
                || operand.startsWith(".")
                || operand.contains(":")
                || operand.endsWith(".tgz")
                || operand.contains("$");
        if (!pinned) {
          flag(UNPINNED_PACKAGES, run, operand, "npm installs " + operand + " without a version");
          break;
        }
      }
    } else if (command.runs("gem") && sub.equals("install")) {
      if (!command.hasOption("-v", "--version")) {
        unpinned(
            run,
            command,
            Set.of("-i", "--install-dir", "-n", "--bindir", "--source"),
            p -> p.contains(":"),
            "gem");
      }
    } else if (command.runs("yum", "dnf", "microdnf", "zypper")) {
      boolean zypper = command.runs("zypper");
      if (sub.equals("install") || sub.equals("in")) {
        if (!command.hasOption("-y", "--assumeyes", "-n", "--non-interactive", "--no-confirm")) {
          flag(
              INTERACTIVE_INSTALL,
              run,
              sub,
              command.program() + " install without " + (zypper ? "-n" : "-y"));
        }
        unpinned(
            run,
            command,
            Set.of(
                "--setopt",
                "--enablerepo",
                "--disablerepo",
                "-c",
                "--config",
                "--installroot",
                "--releasever"),
            zypper
                ? p -> p.matches(".+[=<>]+.+")
                : p -> VERSIONED_RPM.matcher(p).matches() || p.endsWith(".rpm"),
            command.program());
      }
      if (zypper
              && (sub.equals("dist-upgrade")
                  || sub.equals("dup")
                  || sub.equals("update")
                  || sub.equals("up"))
          || !zypper
              && (sub.equals("update") || sub.equals("upgrade"))
              && command.operands().isEmpty()) {
        flag(UPGRADE, run, sub, command.program() + " " + sub + " upgrades the whole distribution");
      }
    } else if (command.runs("go") && sub.equals("install")) {
      for (String operand : command.operands()) {
        if (!operand.contains("@") && !operand.startsWith(".")) {
          flag(UNPINNED_PACKAGES, run, operand, "go install " + operand + " without @version");
          break;
        }
      }
    }
  }

  private static boolean isPythonPip(Shell.Command command) {
    List<String> args = command.arguments();
    return command.program().startsWith("python")
        && args.size() >= 2
        && args.get(0).equals("-m")
        && args.get(1).startsWith("pip");
  }

  private void unpinned(
      Instruction run,
      Shell.Command command,
      Set<String> valued,
      java.util.function.Predicate<String> pinned,
      String manager) {
    for (String operand : operands(command.arguments(), valued)) {
      if (!operand.contains("$") && !pinned.test(operand)) {
        flag(
            UNPINNED_PACKAGES,
            run,
            operand,
            manager + " installs " + operand + " without a version");
        return;
      }
    }
  }

  /** The operands after the subcommand, skipping options and the values of {@code valued}. */
  private static List<String> operands(List<String> arguments, Set<String> valued) {
    List<String> operands = new java.util.ArrayList<>();
    boolean subcommand = false;
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.startsWith("-")) {
        if (valued.contains(argument)) {
          i++;
        }
      } else if (!subcommand) {
        subcommand = true;
      } else {
        operands.add(argument);
      }
    }
    return operands;
  }

  private static Optional<Long> uid(Shell.Command command) {
    List<String> args = command.arguments();
    for (int i = 0; i < args.size() - 1; i++) {
      if ((args.get(i).equals("-u") || args.get(i).equals("--uid"))
          && args.get(i + 1).matches("\\d{1,18}")) {
        return Optional.of(Long.parseLong(args.get(i + 1)));
      }
    }
    return Optional.empty();
  }

  private void copy(Instruction copy, Stage stage, List<Stage> stages, boolean workdir) {
    List<String> words = words(copy);
    if (copy.is("ADD")) {
      boolean remote =
          words.stream()
              .limit(Math.max(0, words.size() - 1))
              .anyMatch(w -> w.matches("(?i)(https?|git)://.*|git@.*"));
      boolean archive =
          words.stream()
              .limit(Math.max(0, words.size() - 1))
              .anyMatch(
                  w -> ARCHIVE.matcher(w).matches() || w.matches("(?i).*\\.(zip|gz|bz2|xz)$"));
      if (remote && copy.flag("checksum").isEmpty()) {
        flag(ADD_URL, copy, "ADD fetches " + words.getFirst() + " without --checksum");
      } else if (!remote && !archive && copy.heredocs().isEmpty()) {
        flag(ADD_FOR_COPY, copy, "ADD of plain files; COPY does that");
      }
    }
    if (words.size() > 2 && !words.getLast().endsWith("/") && copy.heredocs().isEmpty()) {
      flag(
          COPY_DESTINATION,
          copy,
          copy.keyword()
              + " of "
              + (words.size() - 1)
              + " sources to "
              + words.getLast()
              + ", which does not end with /");
    }
    if (!words.isEmpty() && !workdir && copy.heredocs().isEmpty()) {
      String destination = words.getLast();
      if (!destination.startsWith("/")
          && !destination.startsWith("$")
          && !destination.matches("[A-Za-z]:.*")
          && words.size() > 1) {
        flag(
            COPY_RELATIVE,
            copy,
            "the destination " + destination + " is relative and no WORKDIR is set");
      }
    }
    copy.flag("from")
        .ifPresent(
            from -> {
              String name = from.toLowerCase(Locale.ROOT);
              if (name.equals(stage.name()) || name.equals(String.valueOf(stage.index()))) {
                flag(COPY_FROM_SELF, copy, "--from=" + from + " is this stage");
              } else if (!name.contains("$")
                  && !name.contains(":")
                  && !name.contains("/")
                  && stages.stream()
                      .noneMatch(
                          s ->
                              s.index() < stage.index()
                                  && (name.equals(s.name())
                                      || name.equals(String.valueOf(s.index()))))) {
                flag(COPY_FROM_UNKNOWN, copy, "--from=" + from + " names no earlier stage");
              }
              if (words.size() >= 2
                  && (words.getFirst().equals("/") || words.getFirst().equals("/*"))) {
                flag(COPY_WHOLE_STAGE, copy, "copies all of --from=" + from);
              }
            });
    boolean last = stage.index() == stages.size() - 1;
    for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
      if (SECRET_PATH.matcher(lastSegments(source)).matches()) {
        flag(
            SECRET_FILE,
            copy,
            source,
            source
                + " looks like credentials, copied into "
                + (last ? "the final image" : "a build stage's layer"));
      }
    }
  }

  private void variables(Instruction instruction) {
    Map<String, String> pairs = Pairs.of(instruction.rest());
    Set<String> defined = new HashSet<>();
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      String name = pair.getKey();
      String value = pair.getValue();
      if (SECRET_NAME.matcher(name).matches()
          && !name.matches("(?i).*(_file|_path|_dir|_url|_name|_id|_user(name)?)$")) {
        if (!value.isEmpty() && !value.startsWith("$")) {
          flag(
              SECRET_ENV,
              instruction,
              name,
              instruction.keyword() + " " + name + " holds a literal secret");
        } else if (instruction.is("ARG")) {
          flag(
              SECRET_ENV,
              instruction,
              name,
              "ARG "
                  + name
                  + " passes a secret through the build, where the image history keeps it");
        }
      }
      if (instruction.is("ENV")) {
        Matcher reference = VARIABLE.matcher(value);
        while (reference.find()) {
          if (defined.contains(reference.group(1))) {
            flag(
                ENV_SELF_REFERENCE,
                instruction,
                name,
                name + " refers to " + reference.group(1) + ", set in the same ENV");
          }
        }
        defined.add(name);
      }
    }
  }

  private void expose(Instruction expose) {
    for (String word : Shell.words(expose.rest())) {
      String port = word.replaceFirst("/(tcp|udp|sctp)$", "");
      if (port.contains("$")) {
        continue;
      }
      for (String part : port.split("-")) {
        if (!part.matches("\\d{1,9}") || Integer.parseInt(part) > 65_535) {
          flag(INVALID_PORT, expose, word + " is not a port (0-65535)");
          break;
        }
        if (part.equals("22")) {
          flag(SSH_PORT, expose, "EXPOSE " + word + " exposes SSH");
        }
      }
    }
  }

  private void labelKeys(Instruction label) {
    for (String key : Pairs.of(label.rest()).keySet()) {
      if (!LABEL_KEY_FORM.matcher(key).matches()
          || key.contains("..")
          || key.startsWith("com.docker.")
          || key.startsWith("io.docker.")
          || key.startsWith("org.dockerproject.")) {
        flag(
            LABEL_KEY,
            label,
            key,
            "the label key '" + key + "' is not a lower-case reverse-DNS name");
      }
    }
  }

  private void finalStage(Stage stage, Inherited end) {
    Instruction lastUser = end.user();
    Instruction healthcheck = end.healthcheck();
    Map<String, Instruction> labels = new LinkedHashMap<>();
    Map<String, String> labelValues = new LinkedHashMap<>();
    for (Instruction instruction : stage.instructions()) {
      if (instruction.is("LABEL")) {
        Pairs.of(instruction.rest())
            .forEach(
                (key, value) -> {
                  labels.put(key, instruction);
                  labelValues.put(key, value);
                });
      }
    }
    if (lastUser != null) {
      String user = Shell.unquote(lastUser.rest().strip());
      String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      if (name.equals("root") || name.equals("0")) {
        flag(ROOT_USER, lastUser, "the final stage's last USER is " + user);
      } else if (!NUMERIC_USER.matcher(user).matches() && !user.contains("$")) {
        flag(NON_NUMERIC_USER, lastUser, "USER " + user + " is a name, not a uid");
      }
    } else if (!stage.image().equalsIgnoreCase("scratch") && !stage.image().contains("distroless")
        || stage.image().contains("distroless") && !stage.image().contains("nonroot")) {
      flag(NO_USER, stage.from(), "the final stage (FROM " + stage.image() + ") never sets USER");
    }
    if (healthcheck == null) {
      flag(NO_HEALTHCHECK, stage.from(), "the final stage has no HEALTHCHECK");
    }
    for (Map.Entry<String, String> schema : settings.labels().entrySet()) {
      String key = schema.getKey();
      if (!labels.containsKey(key)) {
        flag(LABEL_MISSING, stage.from(), "the final image lacks the label " + key);
        continue;
      }
      String problem = LabelForm.problem(schema.getValue(), labelValues.get(key));
      if (problem != null) {
        flag(LABEL_INVALID, labels.get(key), key, "label " + key + ": " + problem);
      }
    }
    if (settings.strict()) {
      labels.forEach(
          (key, instruction) -> {
            if (!settings.labels().containsKey(key)) {
              flag(LABEL_SUPERFLUOUS, instruction, key, "label " + key + " is not in the schema");
            }
          });
    }
  }

  /** The last two segments of a path, trailing slashes dropped: what the secret patterns read. */
  private static String lastSegments(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    int slash = path.lastIndexOf('/', end - 1);
    int before = slash > 0 ? path.lastIndexOf('/', slash - 1) : -1;
    return path.substring(before + 1, end);
  }

  private static List<String> words(Instruction instruction) {
    return instruction.isExec() ? instruction.exec() : Shell.words(instruction.rest());
  }

  private void flag(Rule rule, Instruction at, String message) {
    flag(rule, at, null, message);
  }

  /**
   * Reports a finding on the first line of the instruction that holds every word of {@code needle}
   * (space-separated); at most 5 per rule and instruction.
   */
  private void flag(Rule rule, Instruction at, String needle, String message) {
    if (suppressed(rule, at) || flagged.merge(rule.id() + "@" + at.line(), 1, Integer::sum) > 5) {
      return;
    }
    int line = at.line();
    if (needle != null) {
      String[] words = needle.split(" ");
      for (int i = at.line(); i <= at.endLine(); i++) {
        String text = file.line(i);
        if ((i == at.line() || !text.stripLeading().startsWith("#")) && holdsWords(text, words)) {
          line = i;
          break;
        }
      }
    }
    report.add(rule.at(file, line, message));
  }

  /**
   * True when each word stands on the line as a word: not inside a longer one, {@code |} not {@code
   * ||}.
   */
  private static boolean holdsWords(String line, String[] words) {
    for (String word : words) {
      boolean found = false;
      for (int i = line.indexOf(word); i >= 0 && !found; i = line.indexOf(word, i + 1)) {
        found = !wordChar(line, i - 1, word) && !wordChar(line, i + word.length(), word);
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordChar(String line, int i, String word) {
    if (i < 0 || i >= line.length()) {
      return false;
    }
    char c = line.charAt(i);
    return word.equals("|") ? c == '|' : Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private static boolean suppressed(Rule rule, Instruction at) {
    for (String id : at.ignored()) {
      if (id.equals(rule.id()) || rule.peers().contains("hadolint:" + id)) {
        return true;
      }
    }
    return false;
  }
}
