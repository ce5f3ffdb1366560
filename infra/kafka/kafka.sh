# shellcheck shell=bash
# Apache Kafka, one KRaft node (broker and controller in one JVM), from Maven Central's artifacts.
# Sourced by infra/up.sh and infra/down.sh after lib/common.sh.

KAFKA_POM="$INFRA_ROOT/kafka/pom.xml"
KAFKA_STATE="$INFRA_STATE/kafka"
KAFKA_PID="$INFRA_STATE/kafka.pid"
KAFKA_LOG="$INFRA_STATE/kafka.log"

# The cache folder is named after the pom's content, so a version change fetches afresh.
kafka_lib_dir() {
  local version digest
  version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM")"
  digest="$(sha256sum "$KAFKA_POM" | cut -c1-12)"
  printf '%s' "$INFRA_CACHE/kafka-$version-$digest/lib"
}

kafka_java() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  command -v "$java" >/dev/null || fail "kafka: no java on PATH (Kafka 3.9 needs Java 11 or later; on Debian: apt-get install openjdk-17-jre-headless)"
  printf '%s' "$java"
}

kafka_install() {
  local lib
  lib="$(kafka_lib_dir)"
  [[ -f "$lib/.complete" ]] && return 0
  command -v mvn >/dev/null || fail "kafka: mvn is not on PATH (on Debian: apt-get install maven)"
  say "kafka: fetching the broker's jars from Maven Central into $lib (once; log: $INFRA_STATE/kafka-install.log)"
  local tmp="$lib.tmp.$$"
  rm -rf "$tmp"
  # SPIRAL_MAVEN_REPO points Maven at another local repository, to time a cold fetch.
  if ! mvn -q -B -Dstyle.color=never -f "$KAFKA_POM" ${SPIRAL_MAVEN_REPO:+-Dmaven.repo.local="$SPIRAL_MAVEN_REPO"} \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" >"$INFRA_STATE/kafka-install.log" 2>&1; then
    tail -n 20 "$INFRA_STATE/kafka-install.log" >&2
    fail "kafka: Maven could not fetch the broker (log: $INFRA_STATE/kafka-install.log); check that Maven Central answers"
  fi
  touch "$tmp/.complete"
  rm -rf "$lib"
  mv "$tmp" "$lib"
}

kafka_write_config() {
  local port="$1" controller_port="$2"
  cat >"$KAFKA_STATE/server.properties" <<EOF
# Written by infra/kafka/kafka.sh at each start; edit that script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_STATE/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=1
# 50 partitions by default: creating them on the first group join costs seconds on 2 cores.
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# One node: no point waiting for more members before the first rebalance (the default waits 3 s).
group.initial.rebalance.delay.ms=0
EOF
}

# Formats the log folder once, with a cluster id kept beside it (StorageTool refuses to reformat).
kafka_format() {
  local java="$1" lib="$2"
  [[ -f "$KAFKA_STATE/data/meta.properties" ]] && return 0
  local cluster_id_file="$KAFKA_STATE/cluster-id"
  # A Kafka cluster id is 16 random bytes in URL-safe base64 without padding (Uuid.toString).
  [[ -s "$cluster_id_file" ]] || head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$cluster_id_file"
  say "kafka: formatting $KAFKA_STATE/data (cluster $(cat "$cluster_id_file"))"
  "$java" -Dlog4j.configuration="file:$INFRA_ROOT/kafka/log4j.properties" -cp "$lib/*" kafka.tools.StorageTool \
    format -t "$(cat "$cluster_id_file")" -c "$KAFKA_STATE/server.properties" >>"$KAFKA_LOG" 2>&1 ||
    fail "kafka: formatting the storage failed; see $KAFKA_LOG"
}

kafka_up() {
  local endpoint port controller_port java lib
  endpoint="$(kafka_endpoint)"
  require_loopback KAFKA_BROKERS "$endpoint"
  port="$(endpoint_port "$endpoint")"
  controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
  already_up kafka "$KAFKA_PID" "$KAFKA_STATE/server.properties" "$port" "$KAFKA_LOG" && return 0
  if port_open "$port"; then
    probe kafka "127.0.0.1:$port" || fail "kafka: 127.0.0.1:$port is taken by something that is not a Kafka broker; free it or set KAFKA_BROKERS"
    say "kafka: a broker not started by infra:up already answers on 127.0.0.1:$port; using it as it is"
    return 0
  fi
  port_open "$controller_port" && fail "kafka: controller port 127.0.0.1:$controller_port is taken; free it or set KAFKA_CONTROLLER_PORT"
  java="$(kafka_java)"
  kafka_install
  lib="$(kafka_lib_dir)"
  mkdir -p "$KAFKA_STATE/data"
  kafka_write_config "$port" "$controller_port"
  kafka_format "$java" "$lib"
  say "kafka: starting on 127.0.0.1:$port (controller :$controller_port), log $KAFKA_LOG"
  # C1 only and the serial collector: on 2 cores the broker answers in about half the time
  # (8-10 s against 14-17 s with G1 and C2, measured here), and a test broker needs no peak speed.
  start_detached "$KAFKA_PID" "$KAFKA_LOG" "$port" "$java" -Xms256m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$INFRA_ROOT/kafka/log4j.properties" -Dkafka.logs.dir="$KAFKA_STATE" \
    -cp "$lib/*" kafka.Kafka "$KAFKA_STATE/server.properties"
  wait_until kafka "$(cat "$KAFKA_PID")" 120 "$KAFKA_LOG" probe kafka "127.0.0.1:$port"
  say "kafka: up on 127.0.0.1:$port (pid $(cat "$KAFKA_PID"))"
}

kafka_down() {
  stop_pid kafka "$KAFKA_PID" "$KAFKA_STATE/server.properties"
}
