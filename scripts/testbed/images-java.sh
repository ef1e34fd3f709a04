# shellcheck shell=bash
# Java base images for the test bed, sourced by scripts/testbed/images.sh (needs its helpers and DEBIAN_TAG).
#
# Docker Hub is unreachable, so the images a Java recipe starts FROM are made from Debian's packages and
# tagged with their official names:
#   eclipse-temurin:<major>-jdk, eclipse-temurin:<major>-jre   Debian's openjdk-<major>-jdk/jre-headless,
#                                                              laid out like the official image (/opt/java/openjdk)
#   maven:<mvn>-eclipse-temurin-<major>                        the JDK image plus Debian's maven
#   gradle:<gradle>-jdk<major>                                 the JDK image plus Debian's gradle
# Debian bookworm has OpenJDK 17 only, so <major> is 17, <mvn> is Debian's Maven (3.8.7) and <gradle> is
# Debian's Gradle (4.4.1, patched by Debian to run on OpenJDK 17: no official image has that pair). The JVM's
# cacerts are made by ca-certificates-java from the image's own public roots: no host CA gets in.

JAVA_MAJOR=17
JAVA_JDK_TAG="eclipse-temurin:$JAVA_MAJOR-jdk"
JAVA_JRE_TAG="eclipse-temurin:$JAVA_MAJOR-jre"

# java_image tag package  — Debian's OpenJDK package on debian:bookworm-slim, JAVA_HOME where Temurin has it.
java_image() {
  local tag=$1 package=$2 ctx
  has_tag "$tag" && return 0
  new_scratch ctx "java-${tag//[:\/]/-}"
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $DEBIAN_TAG
RUN set -eux; \\
    mkdir -p /usr/share/man/man1; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends $package ca-certificates; \\
    rm -rf /var/lib/apt/lists/*; \\
    mkdir -p /opt/java; \\
    ln -s "\$(dirname "\$(dirname "\$(readlink -f /usr/bin/java)")")" /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk LANG=C.UTF-8 PATH=/opt/java/openjdk/bin:\$PATH
DOCKERFILE
  assert_no_host_cas "$ctx"
  step "build $tag (Debian $package, apt-get inside the build)" \
    run_logged "$STATE/build-${tag//[:\/]/-}.log" docker_build -t "$tag" "$ctx"
  mark_tag "$tag"
  remove_tree "$ctx"
}

# The Maven image's tag names Debian's Maven version, as the official maven:<mvn>-eclipse-temurin-<major> does.
maven_tag() { printf 'maven:%s-eclipse-temurin-%s\n' "$(upstream_version "$(pkg_candidate maven)")" "$JAVA_MAJOR"; }

maven_image() {
  local tag ctx
  tag=$(maven_tag)
  has_tag "$tag" && return 0
  new_scratch ctx maven
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $JAVA_JDK_TAG
RUN set -eux; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends maven; \\
    rm -rf /var/lib/apt/lists/*
ENV MAVEN_HOME=/usr/share/maven MAVEN_CONFIG=/root/.m2
CMD ["mvn"]
DOCKERFILE
  assert_no_host_cas "$ctx"
  step "build $tag (Debian maven, apt-get inside the build)" \
    run_logged "$STATE/build-maven.log" docker_build -t "$tag" "$ctx"
  mark_tag "$tag"
  remove_tree "$ctx"
}

# The Gradle image's tag names Debian's Gradle version the way the official gradle:<gradle>-jdk<major> does, so
# a recipe planned where Debian's gradle is installed (or a wrapper pins that version) finds it.
gradle_tag() { printf 'gradle:%s-jdk%s\n' "$(upstream_version "$(pkg_candidate gradle)")" "$JAVA_MAJOR"; }

gradle_image() {
  local tag ctx
  tag=$(gradle_tag)
  has_tag "$tag" && return 0
  new_scratch ctx gradle
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $JAVA_JDK_TAG
RUN set -eux; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends gradle; \\
    rm -rf /var/lib/apt/lists/*
ENV GRADLE_HOME=/usr/share/gradle GRADLE_USER_HOME=/root/.gradle
CMD ["gradle"]
DOCKERFILE
  assert_no_host_cas "$ctx"
  step "build $tag (Debian gradle, apt-get inside the build)" \
    run_logged "$STATE/build-gradle.log" docker_build -t "$tag" "$ctx"
  mark_tag "$tag"
  remove_tree "$ctx"
}

seed_java() {
  java_image "$JAVA_JDK_TAG" "openjdk-$JAVA_MAJOR-jdk-headless"
  java_image "$JAVA_JRE_TAG" "openjdk-$JAVA_MAJOR-jre-headless"
  maven_image
  gradle_image
}

java_expected_tags() { echo "$JAVA_JDK_TAG $JAVA_JRE_TAG $(maven_tag) $(gradle_tag)"; }
