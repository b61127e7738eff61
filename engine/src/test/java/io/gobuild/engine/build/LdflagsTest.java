package io.gobuild.engine.build;

import io.gobuild.engine.build.Ldflags.Stamp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LdflagsTest {
    @Test
    void findsEveryFormOfTheXFlag() {
        assertThat(Ldflags.stamps("-s -w -X main.version=1.2.3 -X=main.commit=abc '-X' 'main.msg=hello world' --X x.y=z"))
                .containsExactly(new Stamp("main.version", "1.2.3"), new Stamp("main.commit", "abc"),
                        new Stamp("main.msg", "hello world"), new Stamp("x.y", "z"));
    }

    @Test
    void quotesGroupWordsAsTheGoCommandDoes() {
        assertThat(Ldflags.split("-X \"main.a=b c\" -extldflags '-static -s'"))
                .containsExactly("-X", "main.a=b c", "-extldflags", "-static -s");
    }
}
