package org.commonweal.opendata.quality;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.access.ParticipationErrorCode;
import org.commonweal.opendata.access.ParticipationRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A dataset's quality score explained: each part, what was checked, and how to raise it. */
@Controller
class QualityPageController {

    private final QualityScores scores;
    private final Datasets datasets;

    QualityPageController(QualityScores scores, Datasets datasets) {
        this.scores = scores;
        this.datasets = datasets;
    }

    @GetMapping("/data/datasets/{name}/quality")
    String quality(@PathVariable String name, @Nullable CommonwealUser user, Model model) {
        Dataset dataset = datasets.findByName(name)
                .filter(d -> d.isPublic() || user != null && datasets.mayEdit(d, user))
                .orElseThrow(() -> new ParticipationRefused(ParticipationErrorCode.DATASET_NOT_FOUND, "",
                        "No published dataset is named " + name + "."));
        model.addAttribute("dataset", dataset);
        model.addAttribute("score", scores.of(dataset));
        return "opendata/quality/page";
    }
}
