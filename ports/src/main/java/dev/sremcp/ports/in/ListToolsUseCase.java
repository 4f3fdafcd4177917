package dev.sremcp.ports.in;

import dev.sremcp.domain.tool.ToolDescriptor;
import java.util.List;

/** Lists the tools a caller can see, in a stable order. */
public interface ListToolsUseCase {

  List<ToolDescriptor> listTools();
}
