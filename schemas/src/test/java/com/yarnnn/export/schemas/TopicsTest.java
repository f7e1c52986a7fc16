package com.yarnnn.export.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicOfAProviderNamesItsProvider() {
        assertThat(Topics.providerOf(Topics.requested("slack"))).isEqualTo("slack");
        assertThat(Topics.providerOf(Topics.retry("notion", 3))).isEqualTo("notion");
        assertThat(Topics.providerOf(Topics.deadLetter("gmail"))).isEqualTo("gmail");
        assertThat(Topics.providerOf(Topics.parked("gmail"))).isEqualTo("gmail");
        assertThat(Topics.retry("folder", 2)).isEqualTo("exports.requested.folder.retry-2");
    }
}
