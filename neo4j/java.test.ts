import { describe, expect, it } from 'vitest';
import { parseJavaMajor } from './java.js';

// `java -version` prints to stderr; these are verbatim outputs of common builds.
const outputs: Array<[string, number]> = [
  [
    `openjdk version "1.8.0_402"
OpenJDK Runtime Environment (Temurin)(build 1.8.0_402-b06)
OpenJDK 64-Bit Server VM (Temurin)(build 25.402-b06, mixed mode)`,
    8,
  ],
  [
    `java version "1.8.0_202"
Java(TM) SE Runtime Environment (build 1.8.0_202-b08)
Java HotSpot(TM) 64-Bit Server VM (build 25.202-b08, mixed mode)`,
    8,
  ],
  [
    `openjdk version "11.0.22" 2024-01-16
OpenJDK Runtime Environment (build 11.0.22+7-post-Debian-1deb11u1)
OpenJDK 64-Bit Server VM (build 11.0.22+7-post-Debian-1deb11u1, mixed mode, sharing)`,
    11,
  ],
  [
    `openjdk version "17.0.15" 2025-04-15
OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)`,
    17,
  ],
  [
    `Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8
openjdk version "17.0.9" 2023-10-17 LTS
OpenJDK Runtime Environment Corretto-17.0.9.8.1 (build 17.0.9+8-LTS)
OpenJDK 64-Bit Server VM Corretto-17.0.9.8.1 (build 17.0.9+8-LTS, mixed mode, sharing)`,
    17,
  ],
  [
    `openjdk version "21" 2023-09-19
OpenJDK Runtime Environment (build 21+35-2513)
OpenJDK 64-Bit Server VM (build 21+35-2513, mixed mode, sharing)`,
    21,
  ],
  [
    `java version "21.0.2" 2024-01-16 LTS
Java(TM) SE Runtime Environment (build 21.0.2+13-LTS-58)
Java HotSpot(TM) 64-Bit Server VM (build 21.0.2+13-LTS-58, mixed mode, sharing)`,
    21,
  ],
];

describe('reading the Java version', () => {
  it.each(outputs)('finds the feature release in %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it('says it does not know when the output is not a version banner', () => {
    expect(parseJavaMajor('bash: java: command not found')).toBeNull();
    expect(parseJavaMajor('')).toBeNull();
  });
});
