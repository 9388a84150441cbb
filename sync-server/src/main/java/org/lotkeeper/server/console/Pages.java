package org.lotkeeper.server.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.lotkeeper.server.trace.Views;

/** The console's templates ({@code templates/console/*.html}), type-checked when the server is built. */
@CheckedTemplate(basePath = "console")
final class Pages {

    private Pages() {}

    static native TemplateInstance problem(Chrome page, int status, String message);

    static native TemplateInstance login(Chrome page, String username);

    static native TemplateInstance lots(Chrome page, LotPages.SearchView search);

    static native TemplateInstance lot(Chrome page, LotPages.LotView view);

    static native TemplateInstance pallet(Chrome page, Views.Pallet pallet, boolean labels);

    static native TemplateInstance transfers(Chrome page, Views.Transfers transfers);

    static native TemplateInstance recalls(Chrome page, RecallPages.RecallForm form);

    static native TemplateInstance recall(Chrome page, RecallPages.RecallView view);

    static native TemplateInstance recallLines(Chrome page, RecallPages.LinesView view);

    static native TemplateInstance dashboard(Chrome page, DashboardPage.DashboardView view);

    static native TemplateInstance kde(Chrome page, KdePage.KdeView view);

    static native TemplateInstance exceptions(Chrome page, ExceptionPages.ExceptionsView view);

    static native TemplateInstance devices(Chrome page, DevicePages.DevicesView view);

    static native TemplateInstance quality(Chrome page, QualityPage.QualityView view);

    static native TemplateInstance specifications(Chrome page, QualityPage.SpecificationsView view);

    static native TemplateInstance labels(Chrome page, LabelCheckPage.CheckView view, LabelPrintPages.PrintForm form);

    static native TemplateInstance tasks(Chrome page, TaskPages.TasksView view);

    static native TemplateInstance masterdata(Chrome page, MasterDataPages.MasterDataView view);
}
